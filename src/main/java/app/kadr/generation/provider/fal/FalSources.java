package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.SourceImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts source images into a fal input. fal models take images as URLs or data URIs in fields whose names
 * differ per model ({@code image_url}, {@code start_image_url}, {@code tail_image_url}, {@code image_urls}…),
 * so the model's input mapping marks the spot with the placeholder {@code "$source:<role>"} (e.g.
 * {@code "image_url": "$source:image"}, {@code "tail_image_url": "$source:end_image"}, also inside lists),
 * and this replaces each placeholder with the source of that role as a {@code data:<mime>;base64,…} URI.
 *
 * <p>A source without a placeholder, or a placeholder without a source, is a mapping mistake: sending it
 * would silently drop the image or send the placeholder text, so it fails instead.
 */
final class FalSources {

    static final String PLACEHOLDER = "$source:";

    private FalSources() {}

    static Map<String, Object> fill(Map<String, Object> input, List<SourceImage> sources) throws ProviderException {
        Map<String, String> uris = new HashMap<>();
        for (SourceImage source : sources) {
            uris.put(source.role(), dataUri(source));
        }
        Set<String> used = new HashSet<>();
        Map<String, Object> filled = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : input.entrySet()) {
            filled.put(field.getKey(), replace(field.getValue(), uris, used));
        }
        if (!used.containsAll(uris.keySet())) {
            throw mistake("the input has no \"" + PLACEHOLDER + "<role>\" field for sources " + uris.keySet());
        }
        return filled;
    }

    private static Object replace(Object value, Map<String, String> uris, Set<String> used) throws ProviderException {
        if (value instanceof String text && text.startsWith(PLACEHOLDER)) {
            String role = text.substring(PLACEHOLDER.length());
            String uri = uris.get(role);
            if (uri == null) {
                throw mistake("no source image with role " + role + " for " + text);
            }
            used.add(role);
            return uri;
        }
        if (value instanceof List<?> list) {
            List<Object> replaced = new ArrayList<>();
            for (Object item : list) {
                replaced.add(replace(item, uris, used));
            }
            return replaced;
        }
        return value;
    }

    private static String dataUri(SourceImage source) throws ProviderException {
        try {
            byte[] bytes = Files.readAllBytes(source.file());
            return "data:" + source.mimeType() + ";base64,"
                    + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw ProviderException.of(ProviderException.Kind.FAILED, "Cannot read source image: " + e);
        }
    }

    private static ProviderException mistake(String why) {
        return ProviderException.of(ProviderException.Kind.FAILED, "fal input mapping: " + why);
    }
}
