package app.kadr.generation.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A provider said no, or could not be reached. The {@link Kind} decides whether the job retries and which
 * Russian message the person sees; the raw answer goes to the owner's log.
 */
public class ProviderException extends Exception {

    /** The closed set of ways a provider fails, each with its retry policy and its message key. */
    public enum Kind {
        BUSY(true, "provider.busy"),
        UNREACHABLE(true, "provider.unreachable"),
        TIMEOUT(true, "provider.timeout"),
        /**
         * The request was sent and no answer came in time. Asking again is safe for a poll, a result or a cancel,
         * but a submit may have been accepted: the runner does not resubmit it (double cost).
         */
        NO_ANSWER(true, "provider.no_answer"),
        NO_CREDITS(false, "provider.no_credits"),
        MODERATION(false, "provider.moderation"),
        BAD_INPUT(false, "provider.bad_input"),
        BAD_KEY(false, "provider.bad_key"),
        NO_KEY(false, "provider.no_key"),
        /** The provider's address leads inside the network and it is not marked «свой сервер»: nothing was sent. */
        FORBIDDEN_ADDRESS(false, "provider.forbidden_address"),
        /**
         * The studio's own offline engine could not do it; {@link #field()} holds its Russian reason (a size out of
         * range, an unreadable source, a render past its time limit), shown as it is.
         */
        ENGINE_REFUSED(false, "provider.engine_refused"),
        FAILED(false, "provider.failed");

        private final boolean retryable;
        private final String messageKey;

        Kind(boolean retryable, String messageKey) {
            this.retryable = retryable;
            this.messageKey = messageKey;
        }

        public boolean retryable() {
            return retryable;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Kind kind;
    private final @Nullable String field;
    private final @Nullable Duration retryAfter;
    private final @Nullable String raw;

    public ProviderException(Kind kind, @Nullable String field, @Nullable Duration retryAfter, @Nullable String raw) {
        super(kind.name() + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.field = field;
        this.retryAfter = retryAfter;
        this.raw = raw;
    }

    public static ProviderException of(Kind kind, @Nullable String raw) {
        return new ProviderException(kind, null, null, raw);
    }

    public static ProviderException badInput(@Nullable String field, @Nullable String raw) {
        return new ProviderException(Kind.BAD_INPUT, field, null, raw);
    }

    public static ProviderException busy(@Nullable Duration retryAfter, @Nullable String raw) {
        return new ProviderException(Kind.BUSY, null, retryAfter, raw);
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's name of the wrong field, for «Неверные параметры: …». */
    public @Nullable String field() {
        return field;
    }

    /** How long the provider asked us to wait (Retry-After), if it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The provider's answer, for the owner's log; never shown to a client link. */
    public @Nullable String raw() {
        return raw;
    }
}
