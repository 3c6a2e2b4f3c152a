package app.kadr.support;

import java.io.IOException;
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

/**
 * A browser without JavaScript: it keeps its cookies, follows no redirects and reads the forms' CSRF fields. Cookies
 * belong to the host, not the port, so one browser can talk to several instances on localhost as it would to one
 * address behind a balancer.
 */
public final class CookieBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfOf(HttpResponse<String> page) {
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF field on the page: " + page.body());
        }
        return csrf.group(1);
    }

    /** Signs in through the login form at {@code baseUrl} and answers the redirect. */
    public HttpResponse<String> signIn(String baseUrl, String username, String password)
            throws IOException, InterruptedException {
        String csrf = csrfOf(get(baseUrl + "/login"));
        return postForm(baseUrl + "/login", Map.of("username", username, "password", password, "_csrf", csrf));
    }
}
