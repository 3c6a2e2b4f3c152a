-- A shot's running time on the film. Null means automatic: the video headliner's length, else 3 s.
alter table shots add column duration_ms integer;

-- The film's frame rate and picture shape: timecodes, exports and the default shape of new generations follow them.
alter table projects add column fps integer default 24 not null;
alter table projects add column aspect_ratio varchar(8) default '16:9' not null;
