-- Platform versions: one request for social-platform cuts of a take, made by a durable job. The request keeps the
-- focal point it used, so a version can be told from the framing it was made with; each finished cut is a new take
-- of the source's shot, linked here to its request (and through it to the source take).

create table platform_versions (
    id              uuid primary key,
    owner_id        uuid not null references users (id),
    source_asset_id uuid not null references assets (id),
    formats         varchar(100) not null,
    focus_x         double precision not null,
    focus_y         double precision not null,
    status          varchar(16) not null,
    failure         varchar(500),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);
create index platform_versions_source_idx on platform_versions (source_asset_id, created_at);

create table platform_version_takes (
    version_id uuid not null references platform_versions (id),
    format     varchar(16) not null,
    asset_id   uuid not null references assets (id),
    primary key (version_id, format)
);
