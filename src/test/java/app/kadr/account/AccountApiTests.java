package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KadrTest
class AccountApiTests {

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewPersonSignsUpGetsATokenAndIsKnownByIt() {
        Studio.Person person = studio.newPerson();

        Api.Response me = person.api().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.string("username")).isEqualTo(person.username());
        assertThat(me.string("displayName")).isEqualTo("Тест");
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() {
        Studio.Person person = studio.newPerson();

        String passwordHash = jdbc.sql("select password_hash from users where username = ?")
                .param(person.username())
                .query(String.class)
                .single();
        long plainTokens = jdbc.sql("select count(*) from api_tokens where token_hash = ?")
                .param(person.token())
                .query(Long.class)
                .single();

        assertThat(passwordHash).doesNotContain(Studio.PASSWORD).startsWith("{pbkdf2@");
        assertThat(plainTokens).isZero();
    }

    @Test
    void aTakenUsernameIsRefusedInRussian() {
        Studio.Person person = studio.newPerson();

        Api.Response again = studio.api()
                .post("/api/v1/auth/signup", Map.of("username", person.username(), "password", "another-password"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.headers().getContentType()).hasToString("application/problem+json");
        assertThat(again.string("code")).isEqualTo("validation");
        assertThat(again.string("field")).isEqualTo("username");
        assertThat(again.string("detail")).isEqualTo("Этот логин уже занят.");
    }

    @Test
    void aShortPasswordAndABadUsernameAreNamed() {
        Api.Response shortPassword =
                studio.api().post("/api/v1/auth/signup", Map.of("username", "valid.name", "password", "short"));
        Api.Response badName =
                studio.api().post("/api/v1/auth/signup", Map.of("username", "<script>", "password", "long-enough-1"));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.string("field")).isEqualTo("password");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.string("field")).isEqualTo("username");
    }

    @Test
    void theApiWithoutAnAccountOrWithAWrongTokenAnswers401ProblemJson() {
        Api.Response nobody = studio.api().get("/api/v1/me");
        Api.Response wrong = studio.api().as("kadr_not-a-real-token").get("/api/v1/projects");

        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.string("code")).isEqualTo("unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.string("detail")).contains("Токен");
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        Studio.Person person = studio.newPerson();
        Map<String, String> wrong = Map.of("username", person.username(), "password", "wrong-password", "name", "x");

        for (int attempt = 0; attempt < LoginThrottle.PER_ACCOUNT.allowed(); attempt++) {
            assertThat(studio.api().post("/api/v1/auth/tokens", wrong).status()).isEqualTo(401);
        }
        Api.Response throttled = studio.api()
                .post(
                        "/api/v1/auth/tokens",
                        Map.of("username", person.username(), "password", Studio.PASSWORD, "name", "x"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.string("detail")).contains("Подождите");
    }

    @Test
    void metricsAreForAdminsOnly() {
        Api.Response person = studio.newPerson().api().get("/actuator/prometheus", Map.of("Accept", "text/plain"));
        Api.Response admin = studio.newAdmin().api().get("/actuator/prometheus", Map.of("Accept", "text/plain"));

        assertThat(person.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Studio.Person person = studio.newPerson();
        String tokenId =
                person.api().get("/api/v1/me/tokens").json().get(0).path("id").asString();

        assertThat(person.api().delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);

        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(401);
    }
}
