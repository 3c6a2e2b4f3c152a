-- Kadr foundation: accounts, projects, shots, assets, and the durable job table.
-- Written once for both H2 (PostgreSQL mode) and PostgreSQL.

create table users (
    id            uuid primary key,
    username      varchar(64)  not null,
    display_name  varchar(100) not null,
    password_hash varchar(100) not null,
    role          varchar(16)  not null,
    created_at    timestamp with time zone not null,
    constraint users_username_unique unique (username)
);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid not null references users (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint api_tokens_hash_unique unique (token_hash)
);

create table projects (
    id                 uuid primary key,
    owner_id           uuid not null references users (id),
    name               varchar(200)  not null,
    description        varchar(5000) not null,
    shot_order_version bigint not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    deleted_at         timestamp with time zone
);
create index projects_owner_idx on projects (owner_id, deleted_at);

create table shots (
    id                 uuid primary key,
    project_id         uuid not null references projects (id),
    position           integer,
    title              varchar(300)  not null,
    description        varchar(5000) not null,
    status             varchar(16)   not null,
    headliner_asset_id uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    deleted_at         timestamp with time zone
);
create index shots_project_position_idx on shots (project_id, position);

create table assets (
    id             uuid primary key,
    shot_id        uuid not null references shots (id),
    kind           varchar(8)   not null,
    origin         varchar(16)  not null,
    media_status   varchar(16)  not null,
    broken_reason  varchar(500),
    mime_type      varchar(100) not null,
    bytes          bigint       not null,
    width          integer,
    height         integer,
    duration_ms    bigint,
    thumbhash      varchar(100),
    original_name  varchar(255) not null,
    original_key   varchar(100) not null,
    thumb_key      varchar(100),
    preview_key    varchar(100),
    poster_key     varchar(100),
    hover_key      varchar(100),
    starred        boolean not null,
    created_at     timestamp with time zone not null,
    deleted_at     timestamp with time zone
);
create index assets_shot_created_idx on assets (shot_id, created_at);

alter table shots add constraint shots_headliner_fk foreign key (headliner_asset_id) references assets (id);

-- db-scheduler's table (durable background jobs).
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(250) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_idx on scheduled_tasks (priority desc, execution_time asc);
