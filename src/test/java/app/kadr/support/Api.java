package app.kadr.support;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the studio's JSON API, acting as one person (or as nobody). */
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final RestClient http;
    private final @Nullable String token;
    private final @Nullable String clientAddress;

    Api(String baseUrl, @Nullable String token) {
        this(baseUrl, token, null);
    }

    private Api(String baseUrl, @Nullable String token, @Nullable String clientAddress) {
        this.baseUrl = baseUrl;
        this.http = clientAddress == null
                // The JDK's client, which never follows redirects (the tests assert them); Apache's, on the class
                // path through the AWS SDK, would be chosen by default and follow them.
                ? RestClient.builder()
                        .baseUrl(baseUrl)
                        .requestFactory(new JdkClientHttpRequestFactory())
                        .build()
                : RestClient.builder()
                        .baseUrl(TrustedProxy.address(baseUrl))
                        .requestFactory(new JdkClientHttpRequestFactory(TrustedProxy.client()))
                        .build();
        this.token = token;
        this.clientAddress = clientAddress;
    }

    /** A client of a studio at the given address, e.g. one running as a child process. */
    public static Api at(String baseUrl) {
        return new Api(baseUrl, null);
    }

    public Api as(String token) {
        return new Api(baseUrl, token, clientAddress);
    }

    public Api anonymous() {
        return new Api(baseUrl, null, clientAddress);
    }

    /** The same caller reaching the studio through the tests' trusted reverse proxy, from this client address. */
    public Api from(String clientAddress) {
        return new Api(baseUrl, token, clientAddress);
    }

    public Response get(String path) {
        return send(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON, headers);
    }

    public Response post(String path, @Nullable Object body) {
        return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, Map.of());
    }

    public Response put(String path, Object body) {
        return send(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, Map.of());
    }

    public Response patch(String path, Object body) {
        return send(HttpMethod.PATCH, path, body, MediaType.APPLICATION_JSON, Map.of());
    }

    public Response delete(String path) {
        return send(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON, Map.of());
    }

    public Response request(HttpMethod method, String path, @Nullable Object body) {
        return send(method, path, body, MediaType.APPLICATION_JSON, Map.of());
    }

    /** Uploads files as the box page does: multipart, one {@code file} part per file. */
    public Response upload(String path, NamedBytes... files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (NamedBytes file : files) {
            parts.add("file", new ByteArrayResource(file.bytes()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        return send(HttpMethod.POST, path, parts, MediaType.MULTIPART_FORM_DATA, Map.of());
    }

    public record NamedBytes(String name, byte[] bytes) {}

    /** Sends a form as a browser does (urlencoded), for the pages' POST handlers. */
    public Response form(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return send(HttpMethod.POST, path, form, MediaType.APPLICATION_FORM_URLENCODED, Map.of("Accept", "text/html"));
    }

    private Response send(
            HttpMethod method, String path, @Nullable Object body, MediaType type, Map<String, String> headers) {
        RestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (clientAddress != null) {
                h.set("X-Forwarded-For", clientAddress);
            }
            headers.forEach(h::set);
        });
        if (body != null) {
            spec.contentType(type).body(body);
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Response(response.getStatusCode().value(), response.getHeaders(), bytes);
        });
    }

    /** What came back: the status, headers and body, readable as JSON where it is JSON. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String string(String field) {
            return json().path(field).asString();
        }

        public String id() {
            return string("id");
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
