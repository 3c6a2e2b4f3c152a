package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** What a password may be: a long passphrase in any alphabet yes; a common one or the login itself no, with why. */
@KadrTest
class PasswordTests {

    /** 37 Cyrillic letters: 74 bytes in UTF-8, over the 72 that bcrypt reads. */
    static final String CYRILLIC_37 = "съешьжеещёэтихмягкихфранцузскихбулокд";

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLongCyrillicPassphraseSignsUpAndLogsIn() {
        String username = newUsername();
        String passphrase = CYRILLIC_37 + " да выпей же чаю".repeat(5);

        Api.Response signup = signup(username, passphrase);
        Api.Response token = token(username, passphrase);
        Api.Response almost = token(username, passphrase.substring(0, passphrase.length() - 1));

        assertThat(CYRILLIC_37.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeGreaterThan(72);
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        assertThat(almost.status()).isEqualTo(401);
    }

    @Test
    void thirtySevenCyrillicLettersAreAPassword() {
        String username = newUsername();

        assertThat(signup(username, CYRILLIC_37).status()).isEqualTo(201);
        assertThat(token(username, CYRILLIC_37).status()).isEqualTo(201);
    }

    @Test
    void passwordsFrom8To128CharactersAreAccepted() {
        Api.Response tooLong = signup(newUsername(), "ж".repeat(PasswordRules.MAX_LENGTH + 1));

        assertThat(signup(newUsername(), "ж".repeat(PasswordRules.MAX_LENGTH)).status())
                .isEqualTo(201);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.string("field")).isEqualTo("password");
        assertThat(tooLong.string("detail")).isEqualTo("Пароль должен быть от 8 до 128 символов.");
    }

    @Test
    void theMostCommonPasswordsAreRefusedWithAReason() {
        for (String common : new String[] {"12345678", "password", "Password", "qwertyuiop", "iloveyou"}) {
            Api.Response refused = signup(newUsername(), common);

            assertThat(refused.status()).as(common).isEqualTo(400);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
            assertThat(refused.string("field")).isEqualTo("password");
            assertThat(refused.string("detail")).startsWith("Это один из самых распространённых паролей");
        }
    }

    @Test
    void aPasswordEqualToTheLoginOrTheNameIsRefused() {
        String username = newUsername();

        Api.Response asLogin = signup(username, username.toUpperCase());
        Api.Response asName = studio.api()
                .post(
                        "/api/v1/auth/signup",
                        Map.of("username", username, "password", "Мария Иванова", "displayName", "Мария Иванова"));

        assertThat(asLogin.status()).isEqualTo(400);
        assertThat(asLogin.string("detail"))
                .isEqualTo("Пароль не должен совпадать с логином или именем: его подберут первым.");
        assertThat(asName.status()).isEqualTo(400);
        assertThat(asName.string("field")).isEqualTo("password");
    }

    @Test
    void theSignUpFormNamesACommonPassword() {
        HttpResponse<String> page = studio.browser()
                .submit(
                        "/signup",
                        "/signup",
                        Map.of(
                                "username",
                                newUsername(),
                                "displayName",
                                "Тест",
                                "password",
                                "12345678",
                                "passwordRepeat",
                                "12345678"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Это один из самых распространённых паролей");
    }

    @Test
    void anAccountWithAnOlderBcryptHashStillLogsInAndGetsTheNewHash() {
        String username = newUsername();
        jdbc.sql("""
                        insert into users (id, username, display_name, password_hash, role, created_at)
                        values (?, ?, 'Старый', ?, 'USER', current_timestamp)""")
                .params(UUID.randomUUID(), username, "{bcrypt}" + new BCryptPasswordEncoder().encode(Studio.PASSWORD))
                .update();

        assertThat(token(username, CYRILLIC_37).status()).isEqualTo(401);
        assertThat(token(username, Studio.PASSWORD).status()).isEqualTo(201);

        assertThat(jdbc.sql("select password_hash from users where username = ?")
                        .param(username)
                        .query(String.class)
                        .single())
                .startsWith("{pbkdf2@");
        assertThat(token(username, Studio.PASSWORD).status()).isEqualTo(201);
    }

    private String newUsername() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api.Response signup(String username, String password) {
        return studio.api()
                .post("/api/v1/auth/signup", Map.of("username", username, "password", password, "displayName", "Тест"));
    }

    private Api.Response token(String username, String password) {
        return studio.api()
                .from(Studio.newAddress())
                .post("/api/v1/auth/tokens", Map.of("username", username, "password", password, "name", "x"));
    }
}
