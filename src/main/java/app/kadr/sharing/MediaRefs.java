package app.kadr.sharing;

import java.util.Set;

/**
 * Opaque addresses of a link's media: an HMAC of the link's secret, the asset, the variant and the file. They
 * reveal no asset id, work only through their own link, and change when the file does (so they cache forever).
 */
final class MediaRefs {

    /** The full-quality rendition; its file is the sharing module's own, not a derivative of the asset. */
    static final String REVIEW = "review";

    static final Set<String> VARIANTS = Set.of("thumb", "preview", "hover", REVIEW);

    private MediaRefs() {}

    static String url(OpenLink link, ClientStoryboard.Files files, String variant, String key) {
        return "/api/v1/public/" + link.token() + "/media/" + ref(link, files, variant, key) + "/" + variant;
    }

    static String ref(OpenLink link, ClientStoryboard.Files files, String variant, String key) {
        return Secrets.sign(link.secret(), 18, "media", files.assetId().toString(), variant, key);
    }
}
