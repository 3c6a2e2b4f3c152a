package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.shared.Throttles;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Passwords of share links. Guesses are throttled per link and address; a right password earns a cookie
 * signed with the link's secret, so the client types it once. The signature covers the password's hash:
 * a new password would void old cookies.
 */
@Component
class Unlocking {

    static final Throttles.Limit WRONG_GUESSES = new Throttles.Limit("share-password", 5, Duration.ofMinutes(1));
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(30);

    private final ShareLinkService links;
    private final Throttles throttles;
    private final boolean secureCookie;

    Unlocking(ShareLinkService links, Throttles throttles, @Value("${kadr.cookie-secure:false}") boolean secureCookie) {
        this.links = links;
        this.throttles = throttles;
        this.secureCookie = secureCookie;
    }

    boolean isUnlocked(OpenLink link, HttpServletRequest request) {
        if (!link.hasPassword()) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        String expected = signature(link);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(cookieName(link)) && Secrets.same(cookie.getValue(), expected)) {
                return true;
            }
        }
        return false;
    }

    /** The 404 of a locked link's content: nothing behind the password is served without the cookie. */
    void requireUnlocked(OpenLink link, HttpServletRequest request) {
        if (!isUnlocked(link, request)) {
            throw KadrException.notFound();
        }
    }

    /**
     * Checks a password; on success sets the cookie.
     *
     * @throws KadrException 429 after too many wrong guesses, 403 for a wrong password
     */
    void unlock(OpenLink link, String password, HttpServletRequest request, HttpServletResponse response) {
        Throttles.Key guesses = WRONG_GUESSES.of(link.id().toString(), request.getRemoteAddr());
        if (!throttles.allows(guesses)) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, "share.password.throttled");
        }
        if (!links.passwordMatches(link, password)) {
            throttles.record(guesses);
            throw KadrException.of(Problem.FORBIDDEN, "share.password.wrong");
        }
        ResponseCookie cookie = ResponseCookie.from(cookieName(link), signature(link))
                .path("/")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite("Lax")
                .maxAge(COOKIE_LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static String cookieName(OpenLink link) {
        return "kadr_share_" + link.id().toString().replace("-", "");
    }

    private static String signature(OpenLink link) {
        return Secrets.sign(link.secret(), 32, "unlock", link.id().toString(), String.valueOf(link.passwordHash()));
    }
}
