-- Which element versions a generation was made with, and the prompt as its author wrote it (with its @mentions)
-- before they were expanded into the descriptions sent to the provider: what a regeneration with newer versions
-- starts from.

create table element_uses (
    generation_id uuid    not null references generations (id),
    element_id    uuid    not null references elements (id),
    version       integer not null,
    primary key (generation_id, element_id)
);
create index element_uses_element_idx on element_uses (element_id, version);

create table mentioned_prompts (
    generation_id uuid primary key references generations (id),
    written       varchar(10000) not null
);
