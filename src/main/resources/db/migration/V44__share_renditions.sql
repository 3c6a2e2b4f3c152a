-- Full-quality files a client reviews through a link: per asset, a video with its sound at up to 1080p or a still at
-- up to 2560 px, made from the original by a durable job. No foreign key to assets: a published version keeps
-- showing its rendition after the take is trashed or purged.
create table share_renditions (
    asset_id     uuid         primary key,
    owner_id     uuid         not null,
    kind         varchar(16)  not null,
    status       varchar(16)  not null,
    file_key     varchar(100),
    width        int,
    height       int,
    requested_at timestamp with time zone not null,
    finished_at  timestamp with time zone
);

create index share_renditions_file_idx on share_renditions (file_key);

-- A shot's running time on the film as it was published (null for versions published before it was kept).
alter table share_version_shots add column shot_duration_ms bigint;
