package app.kadr.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A personal API token as listed to its owner; the secret itself is shown once and stored only hashed. */
public record ApiToken(
        UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {}
