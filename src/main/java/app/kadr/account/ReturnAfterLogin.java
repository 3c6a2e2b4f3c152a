package app.kadr.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a login, back to the page the person opened, or to the start page. Spring Security keeps that page as a
 * full address built from the request's {@code Host} header, which whoever sends the request writes; only its path
 * and query are used here, so the redirect never leaves the studio (and {@code //host} cannot pose as a path).
 */
final class ReturnAfterLogin implements AuthenticationSuccessHandler {

    private final RequestCache returnAddress;

    ReturnAfterLogin(RequestCache returnAddress) {
        this.returnAddress = returnAddress;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = returnAddress.getRequest(request, response);
        String target = "/";
        if (saved != null) {
            returnAddress.removeRequest(request, response);
            target = pathOf(saved.getRedirectUrl());
        }
        response.sendRedirect(target);
    }

    static String pathOf(String address) {
        try {
            URI uri = new URI(address);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "/" + path.replaceFirst("^[/\\\\]+", "") + query;
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }
}
