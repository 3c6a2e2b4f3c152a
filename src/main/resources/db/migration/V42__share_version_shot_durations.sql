-- A published shot's running time as its owner set it (null: automatic, from its video or the default), so the
-- client's player plays a version with the timing it was published with.
alter table share_version_shots add column shot_duration_ms bigint;
