package app.kadr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Fixture builders over the real API: new people, projects, shots and uploads, each unique to its test.
 */
@TestComponent
public class Studio {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct-horse-42";

    private final Environment environment;

    public Studio(Environment environment) {
        this.environment = environment;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public Api api() {
        return new Api(baseUrl(), null);
    }

    /** A person with an API token. */
    public record Person(String username, String token, Api api) {}

    public Person newPerson() {
        String username = "user" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        Api anonymous = api();
        Api.Response signup = anonymous.post(
                "/api/v1/auth/signup", Map.of("username", username, "password", PASSWORD, "displayName", "Тест"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        Api.Response token = anonymous.post(
                "/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD, "name", "tests"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.string("token");
        return new Person(username, secret, anonymous.as(secret));
    }

    public String newProject(Person person, String name) {
        Api.Response project = person.api().post("/api/v1/projects", Map.of("name", name));
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        return project.id();
    }

    public String newShot(Person person, String projectId, String title) {
        Api.Response shot = person.api().post("/api/v1/projects/" + projectId + "/shots", Map.of("title", title));
        assertThat(shot.status()).as(shot.toString()).isEqualTo(201);
        return shot.id();
    }
}
