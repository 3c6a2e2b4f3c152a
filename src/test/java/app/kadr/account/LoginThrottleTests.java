package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.support.Api;
import app.kadr.support.FormClient;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password guessing is slowed per account and per address, each counted apart, from the client's own address behind
 * a trusted proxy; a wrong password counts once; the time of an answer does not tell whether a login exists.
 */
@KadrTest
class LoginThrottleTests {

    @Autowired
    Studio studio;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PasswordRules rules;

    @Autowired
    KadrProperties properties;

    @Autowired
    Access access;

    @Test
    void anAddressThatUsedUpItsAttemptsDoesNotLockOutPeopleElsewhere() {
        Studio.Person victim = studio.newPerson();
        Api attacker = studio.api().from(Studio.newAddress());
        for (int guess = 0; guess < LoginThrottle.PER_ADDRESS.allowed(); guess++) {
            assertThat(tokenFor(attacker, "someone" + guess, "wrong-password").status())
                    .isEqualTo(401);
        }

        Api.Response victimsLogin =
                tokenFor(studio.api().from(Studio.newAddress()), victim.username(), Studio.PASSWORD);
        Api.Response attackersNext = tokenFor(attacker, victim.username(), Studio.PASSWORD);

        assertThat(victimsLogin.status()).as(victimsLogin.toString()).isEqualTo(201);
        assertThat(attackersNext.status()).isEqualTo(429);
        assertThat(attackersNext.string("detail")).contains("Подождите");
    }

    @Test
    void anAccountGuessedAtFromManyAddressesIsThrottled() {
        Studio.Person person = studio.newPerson();
        for (int guess = 0; guess < LoginThrottle.PER_ACCOUNT.allowed(); guess++) {
            assertThat(tokenFor(studio.api().from(Studio.newAddress()), person.username(), "wrong-password")
                            .status())
                    .isEqualTo(401);
        }

        assertThat(tokenFor(studio.api().from(Studio.newAddress()), person.username(), Studio.PASSWORD)
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aWrongPasswordOnTheLoginFormCountsOnce() {
        Studio.Person person = studio.newPerson();
        FormClient browser = studio.browserFrom(Studio.newAddress());
        for (int guess = 1; guess < LoginThrottle.PER_ACCOUNT.allowed(); guess++) {
            assertThat(browser.login(person.username(), "wrong-password")).endsWith("/login?error");
        }

        assertThat(browser.login(person.username(), Studio.PASSWORD)).doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void theFormIsRefusedWhileTheAccountWaits() {
        Studio.Person person = studio.newPerson();
        FormClient browser = studio.browserFrom(Studio.newAddress());
        for (int guess = 0; guess < LoginThrottle.PER_ACCOUNT.allowed(); guess++) {
            browser.login(person.username(), "wrong-password");
        }

        assertThat(browser.login(person.username(), Studio.PASSWORD)).endsWith("/login?throttled");
    }

    @Test
    void anUnknownLoginIsCheckedAgainstAHashLikeAKnownOne() {
        Studio.Person person = studio.newPerson();
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwords.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return passwords.matches(raw, encoded);
            }
        };
        Accounts accounts = new Accounts(users, tokens, counting, rules, properties, access);

        Assertions.assertThatThrownBy(() -> accounts.authenticate(person.username(), "wrong-password"))
                .isInstanceOf(KadrException.class);
        int forKnown = checks.getAndSet(0);
        Assertions.assertThatThrownBy(() -> accounts.authenticate("nobody-" + person.username(), "wrong-password"))
                .isInstanceOf(KadrException.class);
        int forUnknown = checks.get();

        assertThat(forKnown).isEqualTo(1);
        assertThat(forUnknown).isEqualTo(forKnown);
    }

    private static Api.Response tokenFor(Api api, String username, String password) {
        return api.post("/api/v1/auth/tokens", Map.of("username", username, "password", password, "name", "x"));
    }
}
