package app.kadr.support;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * New password hashes in a test studio are PBKDF2 with 1,000 iterations instead of 310,000: every test signs up
 * and logs in fresh people, and at full strength each of them cost about a second of CPU on a busy build machine.
 * The hashes keep the studio's {@code {pbkdf2@SpringSecurity_v5_8}} prefix and the studio's own encoder still checks
 * any other kind (an older bcrypt hash), so sign-up, login and the rehash on login behave as in production. The
 * full-strength encoder itself is checked by {@code account.PasswordHashesTest}.
 *
 * <p>Every studio that shares a database with a test studio (SecondInstance) must use it too: PBKDF2 hashes do not
 * record their iterations.
 */
// Not a @TestConfiguration: the studios started in this JVM scan app.kadr, and one that shares a database with a child
// process (TwoInstancesTests) must hash as that child does. Only the contexts that import it use it.
public class QuickPasswordHashes {

    static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";
    private static final int ITERATIONS = 1_000;

    @Bean
    static BeanPostProcessor quickPasswordHashesForTests() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordEncoder studios ? quick(studios) : bean;
            }
        };
    }

    private static PasswordEncoder quick(PasswordEncoder studios) {
        DelegatingPasswordEncoder quick = new DelegatingPasswordEncoder(
                PBKDF2,
                Map.of(
                        PBKDF2,
                        new Pbkdf2PasswordEncoder(
                                "",
                                16,
                                ITERATIONS,
                                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)));
        // Hashes of any other kind ({bcrypt}…) are the studio's own encoder's to check, prefix and all.
        quick.setDefaultPasswordEncoderForMatches(studios);
        return quick;
    }
}
