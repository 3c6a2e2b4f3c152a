package app.kadr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP as an attacker or a careless script writes it: any method, path, headers and body bytes, sent as given.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends a request; headers come as name, value, name, value… */
    public Answer send(String method, String path, byte @Nullable [] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer send(String method, String path, String body, String... headers) {
        return send(method, path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** What came back, as received. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().getFirst())
                    .orElse(null);
        }

        /** A Russian problem+json: the media type, and Cyrillic in its title and detail. */
        public boolean isRussianProblem() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return false;
            }
            JsonNode body = json();
            return cyrillic(body.path("title").asString())
                    && cyrillic(body.path("detail").asString());
        }

        private static boolean cyrillic(String text) {
            return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + header("Content-Type") + " " + (text.length() > 500 ? text.substring(0, 500) : text);
        }
    }
}
