-- How long one run of a model usually takes, in seconds, for the model picker. Empty until the catalog's seed files
-- (or an admin) say it: the seeder fills it in for models that were seeded before this column existed.
alter table models add column typical_seconds integer;
