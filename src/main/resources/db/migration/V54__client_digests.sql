-- The e-mail digest of clients' answers (KADR_SMTP_*): each owner's digests, and every answer a digest carried, so
-- an answer goes into one digest only.

create table client_digests (
    id         uuid primary key,
    owner_id   uuid not null,
    created_at timestamp with time zone not null,
    -- Set once the SMTP server took the message; an unsent digest is tried again by the next run.
    sent_at    timestamp with time zone,
    attempts   int not null default 0
);
create index client_digests_unsent_idx on client_digests (sent_at, created_at);

-- One row per answer a digest carries: a comment (ref_id = the comment), an approval or a pick (ref_id = the
-- version) at the time it was given. The primary key is what makes an answer go out once: two runs that both found
-- it cannot both claim it. The texts are kept as they were claimed, so a retried digest says the same.
create table client_digest_items (
    kind       varchar(16)   not null,
    ref_id     uuid          not null,
    shot_id    uuid          not null,
    at         timestamp with time zone not null,
    digest_id  uuid          not null references client_digests (id),
    project_id uuid          not null,
    version    int,
    author     varchar(80),
    excerpt    varchar(400),
    detail     varchar(16),
    primary key (kind, ref_id, shot_id, at)
);
create index client_digest_items_digest_idx on client_digest_items (digest_id);
