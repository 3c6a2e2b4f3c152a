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

    private static ProviderExchange edit(RestClient api, ProviderRequest request) throws ProviderException {
        MultipartForm form = new MultipartForm()
                .fields(request.input())
                .field("model", request.externalId())
                .field("n", count(request));
        for (SourceImage source : request.sources()) {
            form.file(
                    switch (source.role()) {
                        case "image" -> "image[]";
                        case "mask" -> "mask";
                        default -> throw ProviderException.badInput(source.role(), null);
                    },
                    source);
        }
        return ProviderExchange.of(api.post()
                .uri("/images/edits")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form.body()));
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
