package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One POST of a task array to Runware, answered whatever the status: Runware reports failures in an
 * {@code errors} array (with HTTP 200 or 4xx), which {@link RunwareErrors} reads, so nothing here throws on
 * a status code.
 */
final class RunwareHttp {

    private final Duration readTimeout;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    RunwareHttp(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Runware's answer; the body never contains the key, even if Runware echoed it. */
    record Answer(int status, HttpHeaders headers, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer post(ProviderRequest request, List<Map<String, Object>> tasks) throws ProviderException {
        String key = request.apiKey();
        if (key == null || key.isBlank()) {
            throw ProviderException.of(ProviderException.Kind.NO_KEY, null);
        }
        RestClient client = clients.computeIfAbsent(
                (request.selfHosted() ? "self-hosted " : "") + request.baseUrl(),
                address -> ProviderHttp.client(request.baseUrl(), readTimeout, request.selfHosted()));
        try {
            return client.post()
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(RunwareJson.write(tasks))
                    .exchange((sent, answer) -> new Answer(
                            answer.getStatusCode().value(),
                            answer.getHeaders(),
                            new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8).replace(key, "***")));
        } catch (ResourceAccessException e) {
            throw ProviderHttp.networkFailure(e);
        }
    }
}
