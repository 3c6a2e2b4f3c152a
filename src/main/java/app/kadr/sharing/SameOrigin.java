package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;

/**
 * The public JSON endpoints take no CSRF token (a client has no session to bind one to), so they refuse
 * requests that a browser says come from another site: another page must not post comments or guess
 * passwords in a visitor's name, with the visitor's unlock cookie. Scripts and curl send no such headers
 * and pass, which is fine: they carry no visitor's cookies.
 */
final class SameOrigin {

    private SameOrigin() {}

    static void require(HttpServletRequest request) {
        // Every current browser says where a request comes from; this holds behind any proxy.
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            if (!site.equals("same-origin") && !site.equals("none")) {
                throw KadrException.of(Problem.FORBIDDEN, "share.cross_site");
            }
            return;
        }
        // Older browsers send only Origin: its host must be the one the request was addressed to.
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameHost(origin, request)) {
            throw KadrException.of(Problem.FORBIDDEN, "share.cross_site");
        }
    }

    private static boolean sameHost(String origin, HttpServletRequest request) {
        try {
            return request.getServerName().equalsIgnoreCase(URI.create(origin).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
