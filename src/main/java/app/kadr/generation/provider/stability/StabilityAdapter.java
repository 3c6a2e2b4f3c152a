package app.kadr.generation.provider.stability;

import app.kadr.generation.provider.MultipartForm;
import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderExchange;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stability AI REST v2beta. Every call is a multipart POST to {@code {baseUrl}/{externalId}} (e.g.
 * {@code stable-image/generate/core}); we ask for JSON so that the image, its seed and its finish reason come
 * together.
 *
 * <p>Stability makes one image per call and has no batch parameter, so {@code count} is ignored here: the
 * runner submits once per wanted variant. Most endpoints answer at once; the asynchronous ones
 * ({@code upscale/creative}, {@code edit/replace-background-and-relight}) answer with an id, told apart by the
 * answer itself rather than by a list of paths, and are polled at {@code {baseUrl}/results/{id}}. Stability
 * cannot cancel, so cancel does nothing and the job runs out.
 */
@Component
class StabilityAdapter implements ProviderAdapter {

    private static final Logger log = LoggerFactory.getLogger(StabilityAdapter.class);

    private static final String SOURCE_MARK = "$source:";

    private final Duration readTimeout;

    StabilityAdapter() {
        this(ProviderHttp.READ_TIMEOUT);
    }

    StabilityAdapter(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public String kind() {
        return "stability";
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        String key = key(request);
        Map<String, Object> fields = withoutRandomSeed(request.input());
        Map<String, String> parts = partsMarked(fields);
        MultipartForm form = new MultipartForm().fields(fields);
        for (SourceImage source : request.sources()) {
            String part = parts.get(source.role());
            form.file(part != null ? part : partName(source), source);
        }
        ProviderExchange answer = ProviderExchange.of(client(request)
                .post()
                .uri("/" + stripSlashes(request.externalId()))
                .headers(headers -> authorize(headers, key))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form.body()));
        if (!answer.ok()) {
            throw StabilityErrors.of(answer);
        }
        StabilityAnswer parsed = read(answer);
        if (parsed.image() == null && parsed.id() != null) {
            log.debug("Stability {} queued as {}", request.externalId(), parsed.id());
            return Submission.queued(parsed.id(), answer.raw());
        }
        // A synchronous answer has no id of its own; any unique one will do for the log.
        return new Submission(UUID.randomUUID().toString(), List.of(result(parsed, request)), null, parsed.summary());
    }

    /**
     * A seed of 0 asks Stability to pick one ("0 … random", the documented default of {@code seed}); it is left out
     * so that the seed Stability answers with, not 0, is what the take records.
     */
    private static Map<String, Object> withoutRandomSeed(Map<String, Object> input) {
        Map<String, Object> sent = new LinkedHashMap<>(input);
        if (sent.get("seed") instanceof Number seed && seed.longValue() == 0) {
            sent.remove("seed");
        }
        return sent;
    }

    /**
     * Takes out the fields the catalog marked {@code "$source:<role>"}: the part each role's file goes in, which
     * differs per endpoint ({@code image} for most edits, {@code subject_image} for replace-background-and-relight).
     */
    private static Map<String, String> partsMarked(Map<String, Object> fields) {
        Map<String, String> parts = new LinkedHashMap<>();
        fields.entrySet().removeIf(field -> {
            if (field.getValue() instanceof String text && text.startsWith(SOURCE_MARK)) {
                parts.put(text.substring(SOURCE_MARK.length()), field.getKey());
                return true;
            }
            return false;
        });
        return parts;
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        String key = key(request);
        ProviderExchange answer = ProviderExchange.of(client(request)
                .get()
                .uri("/results/{id}", providerRequestId)
                .headers(headers -> authorize(headers, key)));
        if (answer.status() == 202) {
            return new Poll.Waiting(true, null, null);
        }
        if (answer.status() == 404) {
            // Results are kept 24 hours; after that (or for an id Stability never gave) there is nothing to wait for.
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
        if (!answer.ok()) {
            throw StabilityErrors.of(answer);
        }
        StabilityAnswer parsed = read(answer);
        return new Poll.Finished(List.of(result(parsed, request)), null, parsed.summary());
    }

    @Override
    public void cancel(ProviderRequest request, String providerRequestId) {
        log.debug("Stability cannot cancel {}; it runs out", providerRequestId);
    }

    private RestClient client(ProviderRequest request) {
        return ProviderHttp.client(stripTrailingSlash(request.baseUrl()), readTimeout, request.selfHosted());
    }

    private static void authorize(HttpHeaders headers, String key) {
        headers.setBearerAuth(key);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    }

    private static String key(ProviderRequest request) throws ProviderException {
        String key = request.apiKey();
        if (key == null || key.isBlank()) {
            throw ProviderException.of(Kind.NO_KEY, null);
        }
        return key;
    }

    private static String partName(SourceImage source) throws ProviderException {
        return switch (source.role()) {
            case "image" -> "image";
            case "mask" -> "mask";
            // Stability has no end frame or other image inputs; better to say so than to drop it silently.
            default -> throw ProviderException.badInput(source.role(), null);
        };
    }

    private static StabilityAnswer read(ProviderExchange answer) throws ProviderException {
        try {
            return JsonMapper.shared().readValue(answer.body(), StabilityAnswer.class);
        } catch (JacksonException notJson) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
    }

    private static ProviderResult result(StabilityAnswer answer, ProviderRequest request) throws ProviderException {
        if (answer.filtered()) {
            throw ProviderException.of(Kind.MODERATION, answer.summary());
        }
        if (answer.image() == null) {
            throw ProviderException.of(Kind.FAILED, answer.summary());
        }
        try {
            byte[] image = Base64.getDecoder().decode(answer.image());
            return ProviderResult.inline(image, mimeType(request), answer.seed());
        } catch (IllegalArgumentException notBase64) {
            throw ProviderException.of(Kind.FAILED, answer.summary());
        }
    }

    /** Stability answers in the {@code output_format} asked for, png unless told. */
    private static String mimeType(ProviderRequest request) {
        Object format = request.input().get("output_format");
        return switch (format == null ? "png" : format.toString()) {
            case "jpeg", "jpg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> "image/png";
        };
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String stripSlashes(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return stripTrailingSlash(trimmed);
    }
}
