package app.kadr.generation.provider.runware;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Runware's answers as records; its field names are camelCase with capitals kept (imageURL, NSFWContent). */
final class RunwareJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunwareJson() {}

    /** Every answer: results per task in {@code data}, failures per task in {@code errors}; either may be absent. */
    record Reply(@Nullable List<Item> data, @Nullable List<Failure> errors) {

        List<Item> items() {
            return data == null ? List.of() : data;
        }

        List<Failure> failures() {
            return errors == null ? List.of() : errors;
        }

        /** Runware's refusal of a taskUUID it already holds: the task sent under it earlier arrived. */
        boolean alreadyHolds(String taskUUID) {
            return failures().stream()
                    .anyMatch(failure -> "conflictTaskUUID".equals(failure.code())
                            && (failure.taskUUID() == null || taskUUID.equals(failure.taskUUID())));
        }

        List<Item> of(String taskUUID) {
            return items().stream()
                    .filter(item -> taskUUID.equals(item.taskUUID()))
                    .toList();
        }
    }

    /** One result, or (getResponse) one task's state: processing, success or error. */
    record Item(
            @Nullable String taskType,
            @Nullable String taskUUID,
            @Nullable String status,
            @Nullable String imageUUID,
            @Nullable String imageURL,
            @Nullable String videoURL,
            @Nullable Long seed,
            @JsonProperty("NSFWContent") @Nullable Boolean nsfwContent,
            @Nullable BigDecimal cost) {

        @Nullable
        String url() {
            return videoURL != null ? videoURL : imageURL;
        }
    }

    record Failure(
            @Nullable String code,
            @Nullable String message,
            @Nullable String parameter,
            @Nullable String taskType,
            @Nullable String taskUUID) {}

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /**
     * Reads any answer. One that is not Runware's JSON (a proxy's HTML page, say) reads as empty, so the
     * HTTP status alone decides what went wrong.
     */
    static Reply read(String body) {
        try {
            Reply reply = MAPPER.readValue(body, Reply.class);
            return reply == null ? new Reply(null, null) : reply;
        } catch (JacksonException unreadable) {
            return new Reply(null, null);
        }
    }
}
