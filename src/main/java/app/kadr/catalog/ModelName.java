package app.kadr.catalog;

import java.util.UUID;

/** A model's id and name with its provider's: enough for a filter list, without parsing its schema. */
public record ModelName(UUID id, String name, String providerName) {}
