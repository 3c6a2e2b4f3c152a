package app.kadr.generation.provider;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One generated file: either at an address to download at once (provider URLs expire) or inline bytes.
 *
 * @param url where to download it, or null when inline
 * @param bytes the file itself (base64 answers, raw image bodies), or null when at an address
 * @param mimeType what the provider says it is, if it says
 * @param seed the seed the provider used for this result, if it says
 */
public record ProviderResult(
        @Nullable URI url,
        byte @Nullable [] bytes,
        @Nullable String mimeType,
        @Nullable Long seed) {

    public static ProviderResult at(URI url, @Nullable String mimeType, @Nullable Long seed) {
        return new ProviderResult(url, null, mimeType, seed);
    }

    public static ProviderResult inline(byte[] bytes, @Nullable String mimeType, @Nullable Long seed) {
        return new ProviderResult(null, bytes, mimeType, seed);
    }
}
