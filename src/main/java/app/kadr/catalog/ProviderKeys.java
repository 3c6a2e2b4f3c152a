package app.kadr.catalog;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a provider's key comes from. A key an admin stored (encrypted) wins; otherwise the environment variable
 * ({@code FAL_KEY}, {@code RUNWARE_API_KEY}, {@code STABILITY_API_KEY}, {@code OPENAI_API_KEY}) is read at the moment
 * of use. Keys from the environment are never copied into the database, so rotating the variable just works and the
 * database holds only what an admin typed.
 */
@Component
class ProviderKeys {

    private final SecretBox box;
    private final Environment environment;

    ProviderKeys(SecretBox box, Environment environment) {
        this.box = box;
        this.environment = environment;
    }

    boolean has(ProviderKind kind, boolean stored) {
        return stored || fromEnvironment(kind).isPresent();
    }

    Optional<String> reveal(UUID providerId, ProviderKind kind, @Nullable String sealed) {
        return sealed != null ? Optional.of(box.open(sealed, providerId.toString())) : fromEnvironment(kind);
    }

    String seal(UUID providerId, String key) {
        return box.seal(key, providerId.toString());
    }

    private Optional<String> fromEnvironment(ProviderKind kind) {
        String variable = kind.keyVariable();
        return variable == null
                ? Optional.empty()
                : Optional.ofNullable(environment.getProperty(variable)).filter(v -> !v.isBlank());
    }
}
