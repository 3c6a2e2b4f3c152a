-- Providers checked against their documented protocols (issue 11).

-- OpenAI shut the Sora API down on 24 September 2026 (openai-python 3.1.0, "deprecate Sora video APIs"). Its
-- seeded models are switched off rather than deleted: takes made with them keep their model.
update models set enabled = false
where external_id in ('sora-2', 'sora-2-pro')
  and provider_id in (select id from providers where kind = 'openai');

-- The seeded ComfyUI pointed at 127.0.0.1:8188, where usually nothing runs, and takes waited there in silence. One an
-- admin never changed is switched off until checked; one an admin set up is left as it is.
update providers set enabled = false
where kind = 'comfyui' and base_url = 'http://127.0.0.1:8188' and updated_at = created_at;

-- The last «Проверить подключение» of each provider: when, and what was wrong (null when it answered as documented).
alter table providers add column last_check_at timestamp with time zone;
alter table providers add column last_check_problem varchar(32);
alter table providers add column last_check_detail varchar(500);

-- Stability's seed 0 means "random"; as the seeded schemas' default it made variants 0, 1, 2…. Without a default the
-- studio picks a random seed per variant.
update models set param_schema = replace(param_schema, '"maximum":4294967294,"default":0', '"maximum":4294967294')
where provider_id in (select id from providers where kind = 'stability');
