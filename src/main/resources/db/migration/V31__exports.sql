-- Exports: files made from a whole project (an animatic MP4, a hand-off ZIP), each made by a durable job and kept
-- until its owner deletes it. The file is a blob (blob_key) once the job is done.

create table exports (
    id             uuid primary key,
    project_id     uuid not null references projects (id),
    kind           varchar(20) not null,
    status         varchar(20) not null,
    progress       integer     not null,
    resolution     integer     not null,
    burn_in        boolean     not null,
    audio_asset_id uuid,
    blob_key       varchar(300),
    bytes          bigint,
    failure        varchar(100),
    created_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);
create index exports_project_idx on exports (project_id, created_at);
