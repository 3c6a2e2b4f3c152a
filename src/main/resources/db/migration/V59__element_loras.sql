-- An element version may carry a LoRA of the catalog (by id) with the weight it is applied at; editing either makes a
-- new version, like any other change.
alter table element_versions add column lora_id uuid;
alter table element_versions add column lora_weight numeric(6, 3);
