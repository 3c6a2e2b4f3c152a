package app.kadr.generation.provider;

import app.kadr.shared.OutboundHttp;
import app.kadr.shared.OutboundUrls;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** What every adapter needs from HTTP: a client with time limits, Retry-After, and network failures named. */
public final class ProviderHttp {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    private static final int RAW_LIMIT = 4000;

    private ProviderHttp() {}

    /**
     * A client for a provider's address, HTTP/1.1 only, that connects only to public addresses it has checked itself
     * (see {@link OutboundHttp}), or, for a provider marked «свой сервер», also to that provider's own host.
     */
    public static RestClient client(String baseUrl, Duration readTimeout, boolean selfHosted) {
        String allowed = selfHosted ? OutboundUrls.hostOf(baseUrl) : null;
        HttpComponentsClientHttpRequestFactory requests =
                new HttpComponentsClientHttpRequestFactory(OutboundHttp.client(allowed, CONNECT_TIMEOUT, readTimeout));
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    public static @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /**
     * A request that never got an answer. A failed connect means nothing was sent (unreachable); any other
     * time-out came after the request went out, so the provider may be working on it (no answer).
     */
    public static ProviderException networkFailure(ResourceAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutboundUrls.InternalAddress) {
                return ProviderException.of(ProviderException.Kind.FORBIDDEN_ADDRESS, cause.getMessage());
            }
            if (cause instanceof org.apache.hc.client5.http.ConnectTimeoutException
                    || cause instanceof HttpConnectTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return ProviderException.of(ProviderException.Kind.UNREACHABLE, cause.toString());
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return ProviderException.of(ProviderException.Kind.NO_ANSWER, cause.toString());
            }
        }
        return ProviderException.of(ProviderException.Kind.UNREACHABLE, e.toString());
    }

    /** A provider's answer shortened for the owner's log. */
    public static @Nullable String raw(@Nullable String body) {
        if (body == null) {
            return null;
        }
        return body.length() > RAW_LIMIT ? body.substring(0, RAW_LIMIT) + "…" : body;
    }
}
