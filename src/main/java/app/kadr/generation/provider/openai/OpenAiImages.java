package app.kadr.generation.provider.openai;

import app.kadr.generation.provider.MultipartForm;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderExchange;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * gpt-image-1: without source images a JSON call to {@code /images/generations}, with them a multipart call to
 * {@code /images/edits} ({@code image[]} for each source, {@code mask} for the mask). Both answer at once with
 * base64 images, {@code n = count} of them.
 */
final class OpenAiImages {

    private OpenAiImages() {}

    static Submission submit(RestClient api, ProviderRequest request) throws ProviderException {
        ProviderExchange answer = request.sources().isEmpty() ? generate(api, request) : edit(api, request);
        if (!answer.ok()) {
            throw OpenAiErrors.of(answer);
        }
        ImagesAnswer images;
        try {
            images = JsonMapper.shared().readValue(answer.body(), ImagesAnswer.class);
        } catch (JacksonException notJson) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
        // Synchronous: there is no job to poll, so any unique id will do for the log.
        return new Submission(UUID.randomUUID().toString(), results(images, request), null, images.summary());
    }

    private static ProviderExchange generate(RestClient api, ProviderRequest request) throws ProviderException {
        Map<String, Object> body = new LinkedHashMap<>(request.input());
        body.values().removeIf(Objects::isNull);
        body.put("model", request.externalId());
        body.put("n", count(request));
        return ProviderExchange.of(api.post()
                .uri("/images/generations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonMapper.shared().writeValueAsBytes(body)));
    }

    /**
     * An edit: the source as {@code image[]}, its mask as {@code mask}, and the elements' references as further
     * {@code image[]} parts, in order, where the studio marked them ({@code "image[]": ["$source:ref1", …]}): the
     * endpoint takes "an array of images … up to 16" (openai-python src/openai/types/image_edit_params.py).
     */
    private static ProviderExchange edit(RestClient api, ProviderRequest request) throws ProviderException {
        Map<String, Object> fields = new LinkedHashMap<>(request.input());
        Map<String, List<String>> marked = new LinkedHashMap<>();
        fields.entrySet().removeIf(field -> {
            List<String> roles = markedRoles(field.getValue());
            if (roles.isEmpty()) {
                return false;
            }
            marked.put(field.getKey(), roles);
            return true;
        });
        MultipartForm form = new MultipartForm()
                .fields(fields)
                .field("model", request.externalId())
                .field("n", count(request));
        for (SourceImage source : request.sources()) {
            if (source.role().startsWith(REFERENCE_ROLE)) {
                continue; // placed below, where its mark is
            }
            form.file(
                    switch (source.role()) {
                        case "image" -> "image[]";
                        case "mask" -> "mask";
                        default -> throw ProviderException.badInput(source.role(), null);
                    },
                    source);
        }
        for (Map.Entry<String, List<String>> field : marked.entrySet()) {
            for (String role : field.getValue()) {
                SourceImage reference = request.sources().stream()
                        .filter(source -> source.role().equals(role))
                        .findFirst()
                        .orElseThrow(() -> ProviderException.of(Kind.FAILED, "No reference image for " + role));
                form.file(field.getKey(), reference);
            }
        }
        return ProviderExchange.of(api.post()
                .uri("/images/edits")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form.body()));
    }

    private static final String MARK = "$source:";
    private static final String REFERENCE_ROLE = "ref";

    /** The roles a field's value marks ({@code ["$source:ref1", …]}), none for an ordinary value. */
    private static List<String> markedRoles(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text) || !text.startsWith(MARK)) {
                return List.of();
            }
            roles.add(text.substring(MARK.length()));
        }
        return roles;
    }

    private static int count(ProviderRequest request) {
        return Math.max(1, request.count());
    }

    private static List<ProviderResult> results(ImagesAnswer answer, ProviderRequest request) throws ProviderException {
        String mimeType = mimeType(answer, request);
        List<ProviderResult> results = new ArrayList<>();
        for (ImagesAnswer.Image image : answer.images()) {
            if (image.b64Json() == null) {
                continue;
            }
            try {
                results.add(ProviderResult.inline(Base64.getDecoder().decode(image.b64Json()), mimeType, null));
            } catch (IllegalArgumentException notBase64) {
                throw ProviderException.of(Kind.FAILED, answer.summary());
            }
        }
        if (results.isEmpty()) {
            throw ProviderException.of(Kind.FAILED, answer.summary());
        }
        return results;
    }

    /** The format OpenAI says it used, else the one asked for, png unless told. */
    private static String mimeType(ImagesAnswer answer, ProviderRequest request) {
        Object format = answer.outputFormat() != null
                ? answer.outputFormat()
                : request.input().get("output_format");
        return switch (format == null ? "png" : format.toString()) {
            case "jpeg", "jpg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> "image/png";
        };
    }
}
