-- Direct uploads: the browser sends a file's bytes straight to the store (a presigned PUT to the bucket, or
-- Kadr's own address on the local disk), then confirms; the row names the blob until the confirm made an asset
-- of it or the upload expired.
create table direct_uploads (
    id            uuid primary key,
    owner_id      uuid         not null,
    shot_id       uuid         not null references shots (id) on delete cascade,
    blob_key      varchar(100) not null unique,
    file_name     varchar(255) not null,
    declared_size bigint       not null,
    content_type  varchar(100) not null,
    asset_id      uuid,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index direct_uploads_expires_idx on direct_uploads (expires_at);
