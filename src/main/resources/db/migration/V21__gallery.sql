-- The gallery: every take of a person across projects, filtered by model, provider and prompt words.
-- A take keeps the model, provider and prompt of the generation that made it, so that the gallery can filter and
-- search the asset module's own table with indexes (the generation row stays the full record of how it was made).
-- A copy of a take into another shot carries them along. Uploads have none of them.

alter table assets add column model_id uuid;
alter table assets add column provider_id uuid;
alter table assets add column prompt varchar(10000);

update assets set
    model_id = (select g.model_id from generations g where g.id = assets.generation_id),
    provider_id = (select g.provider_id from generations g where g.id = assets.generation_id),
    prompt = (select g.prompt from generations g where g.id = assets.generation_id)
where generation_id is not null;

-- Newest first across all takes, with the id as the tie-breaker of the keyset pages; scanned backwards by both
-- databases. The model and provider filters get their own ordered indexes.
create index assets_created_idx on assets (created_at, id);
create index assets_model_created_idx on assets (model_id, created_at, id);
create index assets_provider_created_idx on assets (provider_id, created_at, id);
