package app.kadr.shared;

import org.springframework.http.HttpStatus;

/** The closed set of failures a client can see, each with its HTTP status and stable machine code. */
public enum Problem {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not_acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict"),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too_large"),
    UNSUPPORTED_MEDIA(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal"),
    // The smart-edit agent (an LLM): it refused, is busy, failed or answered nonsense, or took too long.
    AGENT_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "agent_refused"),
    AGENT_BUSY(HttpStatus.TOO_MANY_REQUESTS, "agent_busy"),
    AGENT_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "agent_unavailable"),
    AGENT_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "agent_timeout");

    private final HttpStatus status;
    private final String code;

    Problem(HttpStatus status, String code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The message key of this problem's title, e.g. {@code problem.not_found.title}. */
    public String titleKey() {
        return "problem." + code + ".title";
    }
}
