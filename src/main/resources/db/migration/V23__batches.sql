-- Batches: one run of a model over several shots of a project, each shot's description as its prompt. The
-- generations themselves are ordinary generations; a batch only remembers which ones it started, so that its
-- progress can be counted and the unfinished ones cancelled together.

create table batches (
    id               uuid primary key,
    project_id       uuid not null references projects (id),
    model_id         uuid not null references models (id),
    model_name       varchar(300)   not null,
    variants         integer        not null,
    params           varchar(20000) not null,
    skipped_shot_ids varchar(20000) not null,
    estimated_cost   numeric(12, 4) not null,
    created_at       timestamp with time zone not null,
    cancelled_at     timestamp with time zone,
    dismissed_at     timestamp with time zone
);
create index batches_project_idx on batches (project_id, created_at);

create table batch_generations (
    batch_id      uuid    not null references batches (id),
    position      integer not null,
    shot_id       uuid    not null references shots (id),
    generation_id uuid    not null references generations (id),
    primary key (batch_id, position)
);
