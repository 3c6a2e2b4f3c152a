package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.shared.Throttles;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. An account gets a handful of failed attempts a minute, whoever makes them; an
 * address (the client's own, also behind trusted proxies) a few dozen over all accounts. The two are counted apart:
 * an address that used up its attempts is refused whatever account it tries, and people at other addresses still
 * sign in. Successful logins do not count.
 */
@Component
class LoginThrottle {

    static final Throttles.Limit PER_ACCOUNT = new Throttles.Limit("login-account", 5, Duration.ofMinutes(1));
    static final Throttles.Limit PER_ADDRESS = new Throttles.Limit("login-address", 30, Duration.ofMinutes(1));

    private final Throttles throttles;

    LoginThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    void checkAllowed(String username, String address) {
        if (!throttles.allows(PER_ACCOUNT.of(username), PER_ADDRESS.of(address))) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, "login.throttled");
        }
    }

    void recordFailure(String username, String address) {
        throttles.record(PER_ACCOUNT.of(username), PER_ADDRESS.of(address));
    }
}
