-- Generations: one row per provider job, with everything needed to resume it after a restart and to tell
-- later how each take was made (provenance).

alter table models add column workflow varchar(100000);

create table generations (
    id                  uuid primary key,
    shot_id             uuid not null references shots (id),
    model_id            uuid not null references models (id),
    provider_id         uuid not null references providers (id),
    model_snapshot      varchar(2000)  not null,
    task                varchar(32)    not null,
    prompt              varchar(10000) not null,
    negative_prompt     varchar(10000),
    params              varchar(20000) not null,
    sent                varchar(40000),
    seed                bigint         not null,
    variants            integer        not null,
    source_asset_ids    varchar(2000)  not null,
    parent_asset_id     uuid,
    edit_instruction    varchar(2000),
    status              varchar(16)    not null,
    progress            double precision,
    progress_message    varchar(500),
    error_code          varchar(32),
    error_field         varchar(200),
    provider_log        varchar(20000),
    provider_request_id varchar(200),
    attempts            integer        not null,
    cancel_requested    boolean        not null,
    cost_estimate       numeric(12, 4),
    cost                numeric(12, 4),
    created_at          timestamp with time zone not null,
    started_at          timestamp with time zone,
    finished_at         timestamp with time zone
);
create index generations_shot_idx on generations (shot_id, created_at);
create index generations_provider_status_idx on generations (provider_id, status);

-- Slots in flight per provider: a generation holds one from submit to its end, so the limit survives restarts.
create table generation_slots (
    generation_id uuid primary key references generations (id),
    provider_id   uuid not null references providers (id)
);
create index generation_slots_provider_idx on generation_slots (provider_id);

-- A result is stored once even if a job step runs twice.
create table generation_results (
    generation_id uuid    not null references generations (id),
    result_index  integer not null,
    asset_id      uuid    not null references assets (id),
    primary key (generation_id, result_index)
);

alter table assets add column generation_id uuid references generations (id);
