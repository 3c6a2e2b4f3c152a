package app.kadr.account;

import app.kadr.shared.Problem;
import app.kadr.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} on the API and on UI pages alike, without a session. */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;
    private final ProblemResponses problems;

    ApiTokenFilter(Accounts accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> user = header.startsWith(BEARER)
                ? accounts.byToken(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (user.isEmpty()) {
            problems.write(response, Problem.UNAUTHORIZED, "problem.bad_token.detail", null);
            return;
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(PasswordLogin.authenticated(user.get())));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Public share links never take an account's token.
        return request.getRequestURI().startsWith("/api/v1/public/");
    }
}
