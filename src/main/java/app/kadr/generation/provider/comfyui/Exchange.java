package app.kadr.generation.provider.comfyui;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One HTTP answer read whole, whatever its status, so that the adapter (not RestClient's exception types)
 * decides what each status means. Network failures become {@link ProviderHttp#networkFailure}, except a refused
 * connection: a self-hosted ComfyUI refuses while it restarts (PROVIDERS.md: busy), so the job retries.
 */
record Exchange(
        int status, @Nullable Duration retryAfter, @Nullable MediaType contentType, byte[] body) {

    static Exchange of(RestClient.RequestHeadersSpec<?> request) throws ProviderException {
        try {
            return request.exchangeForRequiredValue(
                    (sent, answer) -> new Exchange(
                            answer.getStatusCode().value(),
                            ProviderHttp.retryAfter(answer.getHeaders()),
                            answer.getHeaders().getContentType(),
                            answer.getBody().readAllBytes()),
                    true);
        } catch (ResourceAccessException e) {
            if (refused(e)) {
                throw ProviderException.busy(null, e.toString());
            }
            throw ProviderHttp.networkFailure(e);
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer shortened for the owner's log. */
    @Nullable
    String raw() {
        return ProviderHttp.raw(text());
    }
}
