-- Masks for inpainting: a mask is a take of kind 'mask' drawn over one image take of the same shot. It stays out of
-- the shot's feed and numbering; a generation that used it names it among its sources, so provenance shows it.
alter table assets add column mask_of uuid references assets (id);
create index assets_mask_of_idx on assets (mask_of);
