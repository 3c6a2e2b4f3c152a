-- The model catalog: AI providers (keys encrypted by the application) and the models each offers.
-- Written once for both H2 (PostgreSQL mode) and PostgreSQL. JSON is kept as varchar: both databases read it alike.

create table providers (
    id                uuid primary key,
    kind              varchar(16)  not null,
    name              varchar(100) not null,
    base_url          varchar(500),
    api_key_encrypted varchar(1000),
    max_concurrency   integer not null,
    enabled           boolean not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);
create index providers_kind_idx on providers (kind);

create table models (
    id            uuid primary key,
    provider_id   uuid not null references providers (id),
    external_id   varchar(200)   not null,
    name          varchar(200)   not null,
    vendor        varchar(100)   not null,
    task          varchar(32)    not null,
    quality       varchar(16)    not null,
    description   varchar(2000)  not null,
    param_schema  varchar(20000) not null,
    defaults      varchar(5000)  not null,
    presets       varchar(10000) not null,
    field_mapping varchar(5000)  not null,
    price_unit    varchar(16)    not null,
    price_usd     numeric(10, 4) not null,
    enabled       boolean not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint models_provider_external_unique unique (provider_id, external_id)
);
create index models_task_idx on models (task);
