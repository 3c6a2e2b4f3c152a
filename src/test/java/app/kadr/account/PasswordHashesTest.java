package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The studio's own password encoder at full strength (the whole-studio tests hash with fewer iterations, see
 * support.QuickPasswordHashes): a new hash is PBKDF2 with Spring Security's 5.8 defaults, 310,000 iterations of
 * HMAC-SHA256, under its {pbkdf2@SpringSecurity_v5_8} prefix.
 */
class PasswordHashesTest {

    private static final String PREFIX = "{pbkdf2@SpringSecurity_v5_8}";

    private final PasswordEncoder studios = new SecurityConfig().passwordEncoder();

    @Test
    void aNewHashIsPbkdf2WithSpringSecuritys58DefaultsAndChecksOut() {
        String hash = studios.encode("длинный пароль студии");

        assertThat(hash).startsWith(PREFIX);
        assertThat(Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                        .matches("длинный пароль студии", hash.substring(PREFIX.length())))
                .as("checked by the 310,000-iteration defaults")
                .isTrue();
        assertThat(studios.matches("длинный пароль студии", hash)).isTrue();
        assertThat(studios.matches("другой пароль", hash)).isFalse();
        assertThat(studios.upgradeEncoding(hash)).isFalse();
    }
}
