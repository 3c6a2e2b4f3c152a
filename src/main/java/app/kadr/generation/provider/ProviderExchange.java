package app.kadr.generation.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One HTTP answer read whole, whatever its status, so that the adapter (not RestClient's exception types)
 * decides what each status means. Network failures become {@link ProviderHttp#networkFailure}.
 */
public record ProviderExchange(
        int status, @Nullable Duration retryAfter, @Nullable MediaType contentType, byte[] body) {

    public static ProviderExchange of(RestClient.RequestHeadersSpec<?> request) throws ProviderException {
        try {
            return request.exchangeForRequiredValue(
                    (sent, answer) -> new ProviderExchange(
                            answer.getStatusCode().value(),
                            ProviderHttp.retryAfter(answer.getHeaders()),
                            contentType(answer.getHeaders()),
                            answer.getBody().readAllBytes()),
                    true);
        } catch (ResourceAccessException e) {
            throw ProviderHttp.networkFailure(e);
        }
    }

    /**
     * The answer's media type, read leniently: Stability documents {@code application/json; type=image/png}, whose
     * unquoted parameter value Spring's strict parser refuses, which would turn a paid result into an error.
     */
    static @Nullable MediaType contentType(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException oddParameters) {
            try {
                return MediaType.parseMediaType(value.split(";", 2)[0]);
            } catch (InvalidMediaTypeException notAMediaType) {
                return null;
            }
        }
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer shortened for the owner's log. */
    @Nullable
    public String raw() {
        return ProviderHttp.raw(text());
    }
}
