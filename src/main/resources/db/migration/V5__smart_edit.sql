-- The smart-edit agent as an admin set it in the UI (one row); without it, KADR_LLM_* from the environment count.
-- The key is sealed by the catalog's SecretBox, bound to the context 'llm'.
create table llm_settings (
    id             integer primary key,
    base_url       varchar(500)  not null,
    model          varchar(200)  not null,
    api_key_sealed varchar(2000),
    updated_at     timestamp with time zone not null,
    updated_by     varchar(200)  not null
);
