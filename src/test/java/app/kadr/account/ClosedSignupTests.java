package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With KADR_SIGNUP=false nobody can make an account, by the API or by the page. */
@KadrTest
@TestPropertySource(properties = "kadr.signup=false")
class ClosedSignupTests {

    @Autowired
    Studio studio;

    @Test
    void signUpIsRefusedInRussianAndThePageSaysSo() {
        Api.Response refused =
                studio.api().post("/api/v1/auth/signup", Map.of("username", "newcomer", "password", "long-password-1"));
        Api.Response page = studio.api().get("/signup", Map.of("Accept", "text/html"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.string("detail")).contains("отключена");
        assertThat(page.text())
                .contains("Регистрация новых пользователей отключена")
                .doesNotContain("name=\"password\"");
    }
}
