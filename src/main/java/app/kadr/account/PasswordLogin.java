package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** The login form's check of login and password, throttled per account and per address. */
@Component
class PasswordLogin implements AuthenticationProvider {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    PasswordLogin(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = String.valueOf(attempt.getCredentials());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        return authenticated(login(username, password, address));
    }

    /** Shared by the form and the token endpoint, so both are throttled alike. */
    CurrentUser login(String username, String password, String address) {
        try {
            throttle.checkAllowed(username, address);
        } catch (KadrException e) {
            throw new Throttled();
        }
        try {
            return accounts.authenticate(username, password);
        } catch (KadrException e) {
            throttle.recordFailure(username, address);
            throw new BadCredentialsException("bad credentials");
        }
    }

    static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.sendRedirect(e instanceof Throttled ? "/login?throttled" : "/login?error");
    }

    /** Too many failed attempts; the caller must wait before trying again. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("throttled");
        }

        KadrException asProblem() {
            return KadrException.of(Problem.TOO_MANY_REQUESTS, "login.throttled");
        }
    }
}
