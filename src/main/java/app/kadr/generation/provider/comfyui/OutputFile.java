package app.kadr.generation.provider.comfyui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A file a workflow saved, as ComfyUI names it; {@code GET /view} serves it. */
record OutputFile(String filename, String subfolder, String type) {

    URI viewUrl(String baseUrl) {
        return URI.create(baseUrl + "/view?filename=" + encode(filename) + "&subfolder=" + encode(subfolder) + "&type="
                + encode(type));
    }

    /** ComfyUI's listing says no type, so it is guessed from the file name the save node chose. */
    @Nullable
    String mimeType() {
        String name = filename.toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            case "mov" -> "video/quicktime";
            default -> null;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
