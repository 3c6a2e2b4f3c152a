package app.kadr.generation.download;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A result could not be downloaded. The {@link Reason} says why; {@link #retryable()} says whether trying the same
 * URL again later may help. Messages name the host at most, never the path or query of the URL (signed URLs carry
 * their secrets there).
 */
public class DownloadException extends Exception {

    /** The closed set of ways a download fails. */
    public enum Reason {
        /** The URL's host resolves to an internal address (loopback, private, link-local, metadata, …). */
        FORBIDDEN_ADDRESS,
        /** The body is (or announces itself) larger than the caller's limit. */
        TOO_LARGE,
        /** The server answered with a status other than 2xx, or with too many redirects. */
        HTTP_ERROR,
        /** The connection failed, broke, or the server spoke broken HTTP. */
        NETWORK,
        /** Connecting or the whole download took longer than allowed. */
        TIMEOUT,
        /** Not an http(s) URL Kadr is willing to fetch (other scheme, user-info, malformed host, …). */
        BAD_URL
    }

    private final Reason reason;
    private final int status;

    public DownloadException(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public DownloadException(Reason reason, String message, @Nullable Throwable cause) {
        this(reason, message, 0, cause);
    }

    private DownloadException(Reason reason, String message, int status, @Nullable Throwable cause) {
        super(reason.name() + ": " + message, cause);
        this.reason = reason;
        this.status = status;
    }

    /** The server answered {@code status}; retryable for 429 and 5xx. */
    public static DownloadException httpError(int status, String message) {
        return new DownloadException(Reason.HTTP_ERROR, message, status, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the server answered, for {@link Reason#HTTP_ERROR}; empty otherwise. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Network failures, timeouts, and HTTP 429 or 5xx may pass; everything else will fail the same way again. */
    public boolean retryable() {
        return switch (reason) {
            case NETWORK, TIMEOUT -> true;
            case HTTP_ERROR -> status == 429 || status >= 500;
            case FORBIDDEN_ADDRESS, TOO_LARGE, BAD_URL -> false;
        };
    }
}
