-- Published versions of a project's storyboard for its share links: what the owner sent, frozen, so later work on
-- the storyboard reaches the client only with the next publish.

create table share_versions (
    id           uuid primary key,
    project_id   uuid not null references projects (id),
    number       int  not null,
    published_at timestamp with time zone not null,
    constraint share_versions_number_unique unique (project_id, number)
);

-- A version's shots in their order, with the texts and the headliner's derivative files as they were. No foreign
-- keys to shots or assets: those tables are the storyboard's and the assets' own, and a version outlives a purge.
create table share_version_shots (
    version_id  uuid          not null references share_versions (id),
    position    int           not null,
    shot_id     uuid          not null,
    title       varchar(300)  not null,
    description varchar(5000) not null,
    asset_id    uuid,
    kind        varchar(16),
    width       int,
    height      int,
    duration_ms bigint,
    thumb_key   varchar(100),
    preview_key varchar(100),
    hover_key   varchar(100),
    primary key (version_id, position)
);

-- Links made before versions existed keep showing the live storyboard, as they did.
alter table share_links add column mode varchar(16) default 'live' not null;
alter table share_links add column version_id uuid references share_versions (id);
