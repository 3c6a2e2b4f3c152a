package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * fal's failures in our words.
 *
 * <table>
 * <tr><th>fal says</th><th>Kind</th></tr>
 * <tr><td>401</td><td>BAD_KEY</td></tr>
 * <tr><td>403 "User is locked" / "Exhausted balance"</td><td>NO_CREDITS</td></tr>
 * <tr><td>other 403 (a key without access)</td><td>BAD_KEY</td></tr>
 * <tr><td>422 detail[].type content_policy_violation</td><td>MODERATION</td></tr>
 * <tr><td>422 detail[].loc</td><td>BAD_INPUT, the last element of loc</td></tr>
 * <tr><td>422 plain string detail</td><td>BAD_INPUT without a field</td></tr>
 * <tr><td>error type generation_timeout</td><td>TIMEOUT</td></tr>
 * <tr><td>error type runner_*, request_timeout, startup_timeout, downstream_service_unavailable</td>
 *     <td>BUSY</td></tr>
 * <tr><td>error type internal_server_error (the model itself broke)</td><td>FAILED</td></tr>
 * <tr><td>429, 502, 503, 504 otherwise</td><td>BUSY, with Retry-After</td></tr>
 * <tr><td>anything else</td><td>FAILED</td></tr>
 * </table>
 *
 * The error type comes from the {@code X-Fal-Error-Type} header (infrastructure) or the body's
 * {@code error_type}; it wins over the status code, since a 504 may be fal's queue (busy) or the model
 * running out of time (a time-out).
 */
final class FalErrors {

    private static final Set<String> BUSY_TYPES =
            Set.of("request_timeout", "startup_timeout", "downstream_service_unavailable");
    private static final Set<Integer> BUSY_STATUSES = Set.of(429, 502, 503, 504);
    private static final String MODERATION_TYPE = "content_policy_violation";

    private FalErrors() {}

    static ProviderException of(FalHttp.Answer answer) {
        String raw = ProviderHttp.raw(answer.body());
        JsonNode body = FalJson.tree(answer.body());
        int status = answer.status();
        if (status == 401) {
            return ProviderException.of(Kind.BAD_KEY, raw);
        }
        if (status == 403) {
            boolean broke =
                    answer.body().contains("Exhausted balance") || answer.body().contains("User is locked");
            return ProviderException.of(broke ? Kind.NO_CREDITS : Kind.BAD_KEY, raw);
        }
        if (status == 422) {
            return invalid(body.path("detail"), raw);
        }
        String type = errorType(answer.headers().getFirst("X-Fal-Error-Type"), body);
        Kind kind = type == null ? null : ofType(type);
        if (kind == null) {
            kind = BUSY_STATUSES.contains(status) ? Kind.BUSY : Kind.FAILED;
        }
        Duration retryAfter = kind == Kind.BUSY ? ProviderHttp.retryAfter(answer.headers()) : null;
        return new ProviderException(kind, null, retryAfter, raw);
    }

    /** A request fal completed with an error (the status answer says COMPLETED and carries error_type). */
    static ProviderException ofCompleted(FalJson.Status status, String body) {
        String type = status.errorType();
        Kind kind = type == null ? null : ofType(type);
        return ProviderException.of(kind == null ? Kind.FAILED : kind, ProviderHttp.raw(body));
    }

    private static ProviderException invalid(JsonNode detail, @Nullable String raw) {
        if (!detail.isArray()) {
            return ProviderException.badInput(null, raw);
        }
        for (JsonNode problem : detail.values()) {
            if (MODERATION_TYPE.equals(problem.path("type").asString(null))) {
                return ProviderException.of(Kind.MODERATION, raw);
            }
        }
        for (JsonNode problem : detail.values()) {
            String field = lastLocation(problem.path("loc"));
            if (field != null) {
                return ProviderException.badInput(field, raw);
            }
        }
        return ProviderException.badInput(null, raw);
    }

    /**
     * {@code ["body","image_size"]} names image_size; list indexes are skipped ({@code ["body","image_urls",0]}
     * names image_urls), and {@code ["body"]} alone names nothing useful.
     */
    private static @Nullable String lastLocation(JsonNode loc) {
        for (int i = loc.size() - 1; i >= 0; i--) {
            JsonNode part = loc.get(i);
            if (part.isString() && !part.asString().equals("body")) {
                return part.asString();
            }
        }
        return null;
    }

    private static @Nullable String errorType(@Nullable String header, JsonNode body) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        return body.path("error_type").asString(null);
    }

    private static @Nullable Kind ofType(String type) {
        if (type.equals(MODERATION_TYPE)) {
            return Kind.MODERATION;
        }
        if (type.equals("generation_timeout")) {
            return Kind.TIMEOUT;
        }
        if (type.startsWith("runner_") || BUSY_TYPES.contains(type)) {
            return Kind.BUSY;
        }
        if (type.equals("internal_server_error")) {
            return Kind.FAILED;
        }
        return null;
    }
}
