-- A client's open page polls its link's comments every few seconds; each poll counts them and takes the latest
-- created_at, replied_at and deleted_at for its ETag. Keyed by link, with those times in the index, that aggregate
-- reads the index alone (no table rows), and the full fetch after a change finds the link's comments in the order
-- it shows them (by created_at) without a sort of the project's comments.
create index comments_link_idx on comments (share_link_id, created_at, replied_at, deleted_at);
