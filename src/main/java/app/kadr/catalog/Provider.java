package app.kadr.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider as the rest of Kadr sees it. {@code selfHosted}: the admin runs it themselves («свой сервер»), so its
 * address may be inside the network (see {@link app.kadr.shared.OutboundUrls}). It never holds the key itself (ask {@link Catalog#apiKey}), so it is safe
 * to log, print or serialise.
 */
public record Provider(
        UUID id,
        ProviderKind kind,
        String name,
        @Nullable String baseUrl,
        boolean enabled,
        int maxConcurrency,
        boolean hasKey,
        boolean selfHosted,
        @Nullable ProviderCheck lastCheck) {

    /** Whether calls can be made: a provider that needs a key has one, and its last check (if any) passed. */
    public boolean ready() {
        return (!kind.needsKey() || hasKey) && (lastCheck == null || lastCheck.ok());
    }

    /** Why its models cannot be chosen now, as a short picker message key; null when they can. */
    public @Nullable String notReadyKey() {
        if (!enabled) {
            return "catalog.picker.provider_off";
        }
        if (kind.needsKey() && !hasKey) {
            return "catalog.picker.no_key";
        }
        if (lastCheck != null && lastCheck.problem() != null) {
            return lastCheck.problem().pickerKey();
        }
        return null;
    }
}
