package app.kadr.storage;

import java.time.Instant;

/** What the store knows about a blob without reading it. */
public record BlobInfo(String key, long size, Instant lastModified) {}
