-- The elements a shot features as its author set them (by hand in the box, or from the script the shot came from).
-- Elements found from the @mentions of the shot's generations are not stored here: element_uses already knows them.

create table shot_elements (
    shot_id    uuid not null references shots (id),
    element_id uuid not null references elements (id),
    position   integer not null,
    primary key (shot_id, element_id)
);
create index shot_elements_element_idx on shot_elements (element_id);
