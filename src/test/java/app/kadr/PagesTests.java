package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The HTML side: login with CSRF, Russian pages, and Russian error pages instead of stack traces. */
@KadrTest
class PagesTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Studio studio;

    private HttpClient browserLike() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(studio.baseUrl() + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(HttpClient client, String path, String form)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(studio.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aPersonLogsInThroughTheFormWithItsCsrfToken() throws Exception {
        Studio.Person person = studio.newPerson();
        HttpClient client = browserLike();

        HttpResponse<String> loginPage = get(client, "/login");
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        assertThat(loginPage.body()).contains("Вход");
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = postForm(
                client,
                "/login",
                String.join(
                        "&",
                        field("username", person.username()),
                        field("password", Studio.PASSWORD),
                        field("_csrf", csrf.group(1))));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(get(client, "/").body()).contains("Проекты");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        Studio.Person person = studio.newPerson();

        HttpResponse<String> forged = postForm(
                browserLike(),
                "/login",
                String.join("&", field("username", person.username()), field("password", Studio.PASSWORD)));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPageWithAMessage() throws Exception {
        HttpClient client = browserLike();
        Matcher csrf = CSRF_FIELD.matcher(get(client, "/login").body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> wrong = postForm(
                client,
                "/login",
                String.join(
                        "&",
                        field("username", "nobody"),
                        field("password", "nothing-1"),
                        field("_csrf", csrf.group(1))));

        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(get(client, "/login?error").body()).contains("Неверный логин или пароль.");
    }

    @Test
    void pagesWithoutAnAccountLeadToTheLoginPage() throws Exception {
        HttpResponse<String> page = get(browserLike(), "/projects/" + UUID.randomUUID());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void anUnknownProjectIsARussian404PageWithoutATrace() {
        Studio.Person person = studio.newPerson();

        Api.Response page = person.api().get("/projects/" + UUID.randomUUID(), java.util.Map.of("Accept", "text/html"));
        Api.Response notAnId = person.api().get("/shots/not-an-id", java.util.Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text())
                .contains("Не найдено")
                .doesNotContain("Exception")
                .doesNotContain("at app.kadr");
        assertThat(notAnId.status()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedByOpenApiWithoutInternalParameters() {
        Api.Response docs = studio.api().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/projects/{projectId}/shots/order"))
                .isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/shots/{shotId}/assets"))
                .isTrue();
        assertThat(docs.text()).doesNotContain("\"name\":\"me\"");
    }

    @Test
    void healthIsUp() {
        Api.Response health = studio.api().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
    }

    @Test
    void theMainPagesRenderInRussian() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Страницы");
        String shot = studio.newShot(person, project, "Первый");
        java.util.Map<String, String> html = java.util.Map.of("Accept", "text/html");

        assertThat(person.api().get("/", html).text()).contains("Страницы");
        assertThat(person.api().get("/projects/" + project, html).text())
                .contains("Добавить шот")
                .contains("Первый");
        assertThat(person.api().get("/shots/" + shot, html).text()).contains("Загрузить файлы");
        assertThat(person.api().get("/trash", html).text()).contains("Корзина");
        assertThat(person.api().get("/account", html).text()).contains("Токены API");
    }
}
