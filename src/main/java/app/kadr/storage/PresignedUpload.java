package app.kadr.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Where and how a browser sends a blob's bytes itself: the method, the address and the headers it must send. */
public record PresignedUpload(URI url, String method, Map<String, String> headers, Instant expiresAt) {}
