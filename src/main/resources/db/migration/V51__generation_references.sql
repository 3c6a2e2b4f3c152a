-- The reference images (elements' looks) a generation's @mentions brought, in the order they are attached: sent to
-- the provider, or not sent because the model takes fewer (or none), so the person can be told which.
create table generation_references (
    generation_id uuid    not null references generations (id),
    position      integer not null,
    asset_id      uuid    not null,
    sent          boolean not null,
    primary key (generation_id, position)
);
