-- How many reference images (an element's looks) a model takes in one call; 0 for none. Where they go at the
-- provider is the model's field mapping of referenceImages.
alter table models add column max_references integer not null default 0;
