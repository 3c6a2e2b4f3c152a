-- A script or shot list read into proposed shots, kept until its author confirms it (then applied_at is set and it
-- cannot create the shots twice) or it expires. The proposal itself is JSON: the module reads and writes it whole.

create table script_proposals (
    id          uuid         primary key,
    project_id  uuid         not null references projects (id),
    format      varchar(16)  not null,
    by_agent    boolean      not null,
    proposal    text         not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    applied_at  timestamp with time zone
);
create index script_proposals_project_idx on script_proposals (project_id, created_at);
create index script_proposals_expires_idx on script_proposals (expires_at);
