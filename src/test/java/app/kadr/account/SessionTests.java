package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.FormClient;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session is made for a person who signs in, and for nobody else: anonymous callers and scripts with a token
 * leave nothing behind on the server, however many requests they send.
 */
@KadrTest
class SessionTests {

    static final int CALLS = 200;

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousCallsMakeNoSession() {
        Api anonymous = studio.api();
        int before = activeSessions();
        List<String> cookies = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            cookies.addAll(sessionCookies(anonymous.get("/api/v1/projects")));
            cookies.addAll(sessionCookies(anonymous.post("/api/v1/projects", Map.of("name", "Чужой"))));
            cookies.addAll(sessionCookies(anonymous.get("/projects", Map.of("Accept", "text/html"))));
        }

        assertThat(cookies).isEmpty();
        assertThat(activeSessions() - before).isZero();
    }

    @Test
    void callsWithATokenMakeNoSession() {
        Studio.Person person = studio.newPerson();
        int before = activeSessions();
        List<String> cookies = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            cookies.addAll(sessionCookies(person.api().get("/api/v1/projects")));
            cookies.addAll(sessionCookies(person.api().get("/projects", Map.of("Accept", "text/html"))));
        }

        assertThat(cookies).isEmpty();
        assertThat(activeSessions() - before).isZero();
    }

    @Test
    void theLoginAndSignUpFormsMakeNoSessionUntilSomeoneSignsIn() {
        Studio.Person person = studio.newPerson();
        FormClient browser = studio.browser();
        int before = activeSessions();

        HttpResponse<String> loginPage = browser.get("/login");
        HttpResponse<String> signupPage = browser.get("/signup");
        HttpResponse<String> wrong =
                browser.submit("/login", "/login", Map.of("username", person.username(), "password", "wrong-password"));

        assertThat(sessionCookies(loginPage)).isEmpty();
        assertThat(sessionCookies(signupPage)).isEmpty();
        assertThat(sessionCookies(wrong)).isEmpty();
        assertThat(activeSessions() - before).isZero();

        assertThat(browser.login(person.username(), Studio.PASSWORD)).doesNotContain("/login");
        assertThat(activeSessions() - before).isEqualTo(1);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    /** Sessions live in the database (Spring Session JDBC), so any instance knows them: count them there. */
    private int activeSessions() {
        return jdbc.sql("select count(*) from spring_session")
                .query(Integer.class)
                .single();
    }

    private static List<String> sessionCookies(Api.Response response) {
        return session(response.headers().getOrEmpty("Set-Cookie"));
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        return session(response.headers().allValues("Set-Cookie"));
    }

    /** Tomcat's own session cookie, or Spring Session's. */
    private static List<String> session(List<String> setCookies) {
        return setCookies.stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("SESSION="))
                .toList();
    }
}
