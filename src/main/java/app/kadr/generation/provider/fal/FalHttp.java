package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One call to fal's queue, answered with its status, headers and body whatever the status is: fal's error
 * answers carry the information {@link FalErrors} needs, so nothing here throws on 4xx/5xx.
 */
final class FalHttp {

    private final Duration readTimeout;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    FalHttp(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** fal's answer; the body never contains the key, even if fal echoed it. */
    record Answer(int status, HttpHeaders headers, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer call(
            ProviderRequest request,
            HttpMethod method,
            List<String> path,
            @Nullable Map<String, Object> query,
            byte @Nullable [] json)
            throws ProviderException {
        String key = key(request);
        RestClient client = clients.computeIfAbsent(
                (request.selfHosted() ? "self-hosted " : "") + request.baseUrl(),
                address -> ProviderHttp.client(request.baseUrl(), readTimeout, request.selfHosted()));
        try {
            RestClient.RequestBodySpec spec = client.method(method)
                    .uri(uri -> {
                        uri.pathSegment(path.toArray(String[]::new));
                        if (query != null) {
                            query.forEach(uri::queryParam);
                        }
                        return uri.build();
                    })
                    .header(HttpHeaders.AUTHORIZATION, "Key " + key)
                    .accept(MediaType.APPLICATION_JSON);
            if (json != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return spec.exchange((sent, answer) -> new Answer(
                    answer.getStatusCode().value(),
                    answer.getHeaders(),
                    new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8).replace(key, "***")));
        } catch (ResourceAccessException e) {
            throw ProviderHttp.networkFailure(e);
        }
    }

    private static String key(ProviderRequest request) throws ProviderException {
        String key = request.apiKey();
        if (key == null || key.isBlank()) {
            throw ProviderException.of(ProviderException.Kind.NO_KEY, null);
        }
        return key;
    }
}
