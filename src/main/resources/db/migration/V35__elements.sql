-- Elements: a project's recurring cast, places, props and looks, each with an @handle that prompts mention. An
-- element is never edited in place: every change writes a new version and the old ones stay, so a take can say
-- which version it was made with and be found stale when the element moves on.

create table elements (
    id          uuid primary key,
    project_id  uuid not null references projects (id),
    -- the handle as matched (lower case): unique in its project, trashed elements included, so a restore never
    -- meets a namesake
    handle_key  varchar(40) not null,
    version     integer     not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint elements_project_handle_unique unique (project_id, handle_key)
);
create index elements_project_idx on elements (project_id, deleted_at);

create table element_versions (
    element_id  uuid          not null references elements (id),
    version     integer       not null,
    kind        varchar(20)   not null,
    handle      varchar(40)   not null,
    name        varchar(200)  not null,
    description varchar(4000) not null,
    created_at  timestamp with time zone not null,
    primary key (element_id, version)
);

-- The reference images of one version: takes of the owner, by id (the asset module keeps the files), in order.
create table element_references (
    element_id uuid    not null,
    version    integer not null,
    position   integer not null,
    asset_id   uuid    not null,
    primary key (element_id, version, position),
    foreign key (element_id, version) references element_versions (element_id, version)
);
