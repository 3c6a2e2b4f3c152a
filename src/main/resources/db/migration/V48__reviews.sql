-- The client's answers on a published version: an approval per shot, and a pick among the candidate takes the
-- owner offered. Answers belong to a version, so a new version starts without any and an old one keeps its own.

-- The takes the owner offers the client on a shot (2 to 4), in order, until the next publish snapshots them. No
-- foreign keys to shots or assets: those tables are the storyboard's and the assets' own.
create table shot_candidates (
    shot_id  uuid not null,
    position int  not null,
    asset_id uuid not null,
    primary key (shot_id, position)
);

-- A version's candidates with their derivative files as they were, like share_version_shots does for headliners.
create table share_version_candidates (
    version_id  uuid         not null references share_versions (id),
    shot_id     uuid         not null,
    position    int          not null,
    asset_id    uuid         not null,
    kind        varchar(16)  not null,
    width       int,
    height      int,
    duration_ms bigint,
    thumb_key   varchar(100) not null,
    preview_key varchar(100) not null,
    hover_key   varchar(100),
    primary key (version_id, shot_id, position)
);

-- One approval per shot of a version: the latest answer through any link to that version counts.
create table share_approvals (
    version_id    uuid          not null references share_versions (id),
    shot_id       uuid          not null,
    share_link_id uuid          not null references share_links (id),
    decision      varchar(16)   not null,
    comment       varchar(2000),
    decided_at    timestamp with time zone not null,
    primary key (version_id, shot_id)
);

-- One favourite per shot of a version, by the candidate's place in that version.
create table share_picks (
    version_id    uuid          not null references share_versions (id),
    shot_id       uuid          not null,
    share_link_id uuid          not null references share_links (id),
    position      int           not null,
    reason        varchar(2000),
    picked_at     timestamp with time zone not null,
    primary key (version_id, shot_id)
);

-- What a client's answer does to the shot's status, per link: null leaves the status as it is.
alter table share_links add column approved_status varchar(16) default 'done';
alter table share_links add column changes_status varchar(16) default 'in_progress';
