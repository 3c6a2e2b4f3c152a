package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.CookieBrowser;
import app.kadr.support.KadrTest;
import app.kadr.support.SecondInstance;
import app.kadr.support.Studio;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Behind a balancer without sticky sessions, each request of a signed-in browser may land on another instance; the
 * session lives in the database, so every instance knows it (and so does an instance restarted meanwhile).
 */
@KadrTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossInstancesTests {

    @Autowired
    Studio studio;

    @Autowired
    Environment environment;

    private SecondInstance other;

    @BeforeAll
    void startAnotherInstance() {
        other = SecondInstance.beside(environment, "kadr-b");
    }

    @AfterAll
    void stopIt() {
        other.close();
    }

    @Test
    void aPersonSignedInOnOneInstanceIsSignedInOnAnother() throws Exception {
        Studio.Person person = studio.newPerson();
        CookieBrowser browser = new CookieBrowser();
        HttpResponse<String> signedIn = browser.signIn(studio.baseUrl(), person.username(), Studio.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/"));

        HttpResponse<String> projects = browser.get(other.studio().baseUrl() + "/");

        assertThat(projects.statusCode()).as(projects.body()).isEqualTo(200);
        assertThat(projects.body()).contains("Проекты");
    }

    @Test
    void aFormRenderedByOneInstanceIsAcceptedByAnotherWithItsCsrfToken() throws Exception {
        Studio.Person person = studio.newPerson();
        CookieBrowser browser = new CookieBrowser();
        browser.signIn(studio.baseUrl(), person.username(), Studio.PASSWORD);
        String csrf = CookieBrowser.csrfOf(browser.get(studio.baseUrl() + "/"));

        try (SecondInstance other = SecondInstance.beside(environment, "kadr-b")) {
            HttpResponse<String> created = browser.postForm(
                    other.studio().baseUrl() + "/projects",
                    Map.of("name", "Снято на втором", "description", "", "_csrf", csrf));
            HttpResponse<String> forged = browser.postForm(
                    other.studio().baseUrl() + "/projects",
                    Map.of("name", "Без токена", "description", "", "_csrf", "not-" + csrf));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            assertThat(created.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).contains("/projects/"));
            assertThat(forged.statusCode()).isEqualTo(403);
        }
        assertThat(person.api().get("/api/v1/projects").text())
                .contains("Снято на втором")
                .doesNotContain("Без токена");
    }

    @Test
    void signingOutOnOneInstanceSignsOutOnAll() throws Exception {
        Studio.Person person = studio.newPerson();
        CookieBrowser browser = new CookieBrowser();
        browser.signIn(studio.baseUrl(), person.username(), Studio.PASSWORD);

        String csrf = CookieBrowser.csrfOf(browser.get(other.studio().baseUrl() + "/"));
        HttpResponse<String> out = browser.postForm(other.studio().baseUrl() + "/logout", Map.of("_csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = browser.get(studio.baseUrl() + "/");

        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void eachInstanceNamesItselfInItsMetricsAndLogLines() throws Exception {
        Studio.Person person = studio.newAdmin(); // metrics are for admins only
        String host = java.net.InetAddress.getLocalHost().getHostName();

        assertThat(person.api().get("/actuator/prometheus").text())
                .as("metrics of an instance named by default")
                .contains("instance=\"" + host + "\"");
        assertThat(other.studio()
                        .api()
                        .as(person.token())
                        .get("/actuator/prometheus")
                        .text())
                .as("metrics of the instance named kadr-b")
                .contains("instance=\"kadr-b\"")
                .doesNotContain("instance=\"" + host + "\"");
        assertThat(other.context().getEnvironment().getProperty("logging.pattern.level"))
                .contains("[kadr-b]");
    }
}
