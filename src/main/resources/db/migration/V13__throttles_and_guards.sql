-- Attempts that throttles count (failed logins, a client's comments, share-link password guesses), one row each, so
-- that every instance of the studio counts the same attempts. Keys are hashes of what is counted (an account, an
-- address, a link): no login or address is kept in clear. Rows older than any window are removed periodically.
create table throttle_events (
    throttle_key varchar(64) not null,
    happened_at  timestamp with time zone not null
);
create index throttle_events_key_idx on throttle_events (throttle_key, happened_at);
create index throttle_events_time_idx on throttle_events (happened_at);

-- PBKDF2 hashes (which take passwords of any length, unlike bcrypt's 72 bytes) are longer than bcrypt's: accounts'
-- and share links' passwords.
alter table users alter column password_hash set data type varchar(255);
alter table share_links alter column password_hash set data type varchar(255);

-- «Свой сервер»: a provider the admin runs themselves (ComfyUI, a local LLM) may have an address inside the network;
-- every other provider's address must lead to the public internet. The seeded ComfyUI is at 127.0.0.1.
alter table providers add column self_hosted boolean not null default false;
update providers set self_hosted = true where kind = 'comfyui';
alter table llm_settings add column self_hosted boolean not null default false;
