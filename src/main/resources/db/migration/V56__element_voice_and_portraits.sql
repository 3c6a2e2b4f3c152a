-- A character's voice, kept with each version like its other fields: a note for whoever voices or dubs it, and
-- optionally an audio take of its project as a sample.
alter table element_versions add column voice_note varchar(1000);
alter table element_versions add column voice_asset_id uuid;

-- «Сгенерировать портрет»: which generation makes which view of which character, so that its take joins the
-- character's references when it finishes, even after a restart. The outcome stays empty until then.
create table element_portraits (
    generation_id uuid primary key references generations (id),
    element_id    uuid        not null references elements (id),
    owner_id      uuid        not null references users (id),
    run_id        uuid        not null,
    angle         varchar(20) not null,
    position      integer     not null,
    outcome       varchar(20),
    asset_id      uuid,
    created_at    timestamp with time zone not null
);
create index element_portraits_element_idx on element_portraits (element_id, created_at);
