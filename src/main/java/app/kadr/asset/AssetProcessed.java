package app.kadr.asset;

import java.util.UUID;

/** A take's media processing ended, ready or broken: its card, thumbnail and preview changed. */
public record AssetProcessed(UUID projectId, UUID shotId, UUID assetId) {}
