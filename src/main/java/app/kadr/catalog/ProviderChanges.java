package app.kadr.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What an admin may change about a provider; a missing field is left as it is. {@code apiKey} replaces the stored
 * key, and the empty string removes it (the environment variable, if set, then applies again). {@code selfHosted}
 * («свой сервер») lets the address lead inside the network.
 */
record ProviderChanges(
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @Nullable Boolean enabled,
        @Nullable Integer maxConcurrency,
        @Nullable Boolean selfHosted) {

    /** Never the key, even by accident in a log line. */
    @Override
    public String toString() {
        return "ProviderChanges[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unchanged" : "***")
                + ", enabled=" + enabled + ", maxConcurrency=" + maxConcurrency + ", selfHosted=" + selfHosted + "]";
    }
}
