package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** fal's answers as records; fal speaks snake_case, and adds fields freely, so unknown ones are ignored. */
final class FalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FalJson() {}

    /** The submit answer; fal also sends status, response and cancel URLs, which we derive instead. */
    record Submitted(@Nullable String requestId) {}

    /** The status answer: IN_QUEUE, IN_PROGRESS or COMPLETED (which may carry an error). */
    record Status(
            @Nullable String status,
            @Nullable Integer queuePosition,
            @Nullable List<Log> logs,
            @Nullable JsonNode error,
            @Nullable String errorType) {

        @Nullable
        String lastLog() {
            return logs == null || logs.isEmpty() ? null : logs.getLast().message();
        }

        boolean failed() {
            return (error != null && !error.isNull()) || errorType != null;
        }
    }

    record Log(@Nullable String message) {}

    /** A model's output: images (FLUX and most image models), one image, or one video. */
    record Output(
            @Nullable List<File> images,
            @Nullable File image,
            @Nullable File video,
            @Nullable Long seed,
            @Nullable List<Boolean> hasNsfwConcepts) {}

    record File(@Nullable String url, @Nullable String contentType) {}

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException notJson) {
            return MAPPER.missingNode();
        }
    }

    /** Reads a success answer; one we cannot read is a failure we cannot retry our way out of. */
    static <T> T read(String body, Class<T> type) throws ProviderException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ProviderException.of(ProviderException.Kind.FAILED, ProviderHttp.raw(body));
            }
            return value;
        } catch (JacksonException unreadable) {
            throw ProviderException.of(ProviderException.Kind.FAILED, ProviderHttp.raw(body));
        }
    }
}
