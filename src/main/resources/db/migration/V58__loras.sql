-- LoRAs: small adapters a provider applies over a base model (a character's face, a style), kept in the catalog as
-- entries of their own. The id is the provider's: for fal a URL or path of a .safetensors file (flux-lora's
-- loras[].path), for Runware an AIR such as civitai:58390@62833 (imageInference's lora[].model). The trigger word is
-- what a prompt must say to wake the adapter; the default weight is where an element starts.

create table loras (
    id             uuid primary key,
    provider_id    uuid          not null references providers (id),
    external_id    varchar(500)  not null,
    name           varchar(200)  not null,
    trigger_word   varchar(200)  not null,
    default_weight numeric(6, 3) not null,
    created_at     timestamp with time zone not null,
    constraint loras_provider_external_unique unique (provider_id, external_id)
);

-- The LoRAs a generation's elements brought, each marked sent or not (a model that takes no LoRAs, or one of another
-- provider, gets none, and the take says so), with the weight it went with.
create table generation_loras (
    generation_id uuid          not null references generations (id),
    position      integer       not null,
    lora_id       uuid          not null,
    element_id    uuid          not null,
    weight        numeric(6, 3) not null,
    sent          boolean       not null,
    primary key (generation_id, position)
);
