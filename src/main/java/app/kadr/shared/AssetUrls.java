package app.kadr.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The addresses of an asset's files. Each carries the version of the file it points to, so a browser may
 * cache it for good: a rebuilt derivative gets a new address.
 */
public final class AssetUrls {

    private AssetUrls() {}

    public static String of(UUID assetId, String variant, @Nullable String blobKey) {
        String url = "/api/v1/assets/" + assetId + "/content/" + variant;
        return blobKey == null ? url : url + "?v=" + version(blobKey);
    }

    /** The short version tag of a blob key: the first block of its UUID file name. */
    public static String version(String blobKey) {
        int slash = blobKey.lastIndexOf('/');
        return blobKey.substring(slash + 1, slash + 9);
    }

    public static Map<String, String> all(
            UUID assetId,
            String originalKey,
            @Nullable String thumbKey,
            @Nullable String previewKey,
            @Nullable String posterKey,
            @Nullable String hoverKey) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("original", of(assetId, "original", originalKey));
        if (thumbKey != null) {
            urls.put("thumb", of(assetId, "thumb", thumbKey));
        }
        if (previewKey != null) {
            urls.put("preview", of(assetId, "preview", previewKey));
        }
        if (posterKey != null) {
            urls.put("poster", of(assetId, "poster", posterKey));
        }
        if (hoverKey != null) {
            urls.put("hover", of(assetId, "hover", hoverKey));
        }
        return urls;
    }
}
