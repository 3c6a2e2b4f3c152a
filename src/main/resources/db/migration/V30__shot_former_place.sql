-- Where a trashed shot stood, so that restoring it puts it back between the same neighbours: the shots just
-- before and after it when it was trashed, and its number then (used when both neighbours are gone too).
alter table shots add column trashed_after uuid;
alter table shots add column trashed_before uuid;
alter table shots add column trashed_position integer;
