-- Comments on a moment and a spot, threads, and comments the owner writes (issue 14, item 3).

-- The time in a video the comment is about, in milliseconds from its start.
alter table comments add column timecode_ms bigint;
-- A drawing over the picture: its type (point, rect, arrow, path) and its points as «x,y x,y …» in 0–1.
alter table comments add column mark_type varchar(10);
alter table comments add column mark_points varchar(6000);
-- The picture the comment was written over (the headliner then), so its drawing is shown over the same frame
-- even after the headliner changes; its kind tells the owner's page whether to seek a video.
alter table comments add column asset_id uuid;
alter table comments add column asset_kind varchar(10);
-- The published version the link showed when the client wrote (none on a live link), for the inbox to filter by.
alter table comments add column share_version_id uuid;
-- A reply in a thread points at the comment that started it.
alter table comments add column parent_id uuid references comments (id);
-- The owner writes too: their comments have no link (every link of the project shows them) and are read at once.
alter table comments add column by_owner boolean default false not null;
alter table comments alter column share_link_id drop not null;

create index comments_parent_idx on comments (parent_id);
-- A client's page polls its link's comments and the owner's comments of the project (share_link_id null).
create index comments_project_link_idx on comments (project_id, share_link_id, created_at, replied_at, deleted_at);
-- The navigation's and the project list's unread counts, over all of an owner's projects.
create index comments_project_unread_idx on comments (project_id, read_at, deleted_at);
