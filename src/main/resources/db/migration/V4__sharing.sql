-- Sharing: links that show a project's storyboard to a client without an account, and the client's comments.

create table share_links (
    id             uuid primary key,
    project_id     uuid not null references projects (id),
    token          varchar(64)  not null,
    -- A server-side secret of the link: signs its unlock cookie and its media addresses. Never leaves the server.
    secret         varchar(64)  not null,
    password_hash  varchar(100),
    allow_comments boolean not null,
    expires_at     timestamp with time zone,
    created_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    constraint share_links_token_unique unique (token)
);
create index share_links_project_idx on share_links (project_id, created_at);

create table comments (
    id            uuid primary key,
    share_link_id uuid not null references share_links (id),
    project_id    uuid not null references projects (id),
    shot_id       uuid not null references shots (id),
    author_name   varchar(80)   not null,
    body          varchar(2000) not null,
    reply         varchar(2000),
    replied_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone,
    deleted_at    timestamp with time zone
);
-- The storyboard counts unread comments per shot in its one query; this index answers that count.
create index comments_shot_unread_idx on comments (shot_id, deleted_at, read_at);
create index comments_project_created_idx on comments (project_id, created_at);
