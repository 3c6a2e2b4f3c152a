package app.kadr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A browser without JavaScript: keeps cookies, does not follow redirects, fills in the page's CSRF field. Optionally
 * reaches the studio through the tests' trusted proxy, as a client at a given address.
 */
public class FormClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private final @Nullable String clientAddress;

    FormClient(String baseUrl, @Nullable String clientAddress) {
        this.clientAddress = clientAddress;
        HttpClient.Builder builder = clientAddress == null ? HttpClient.newBuilder() : TrustedProxy.builder();
        this.baseUrl = clientAddress == null ? baseUrl : TrustedProxy.address(baseUrl);
        this.http = builder.cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    /** Opens the form's page for its CSRF token, then posts the fields with it, as a browser would. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Matcher csrf = CSRF_FIELD.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF field on " + formPage);
        }
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login form and answers where the studio sent the browser. */
    public String login(String username, String password) {
        HttpResponse<String> answer = submit("/login", "/login", Map.of("username", username, "password", password));
        return answer.headers().firstValue("Location").orElse(answer.statusCode() + " without a redirect");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
