package app.kadr.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No address of Kadr is longer than a few hundred characters, so one over {@value #MAX_LENGTH} is refused
 * with 414 before anything reads it. Tomcat reads request lines and headers up to 32 KB (application.yml), so
 * that such an address still reaches this answer, in Russian, instead of Tomcat's bare 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class LongAddresses extends OncePerRequestFilter {

    static final int MAX_LENGTH = 8 * 1024;

    private final ProblemResponses problems;

    LongAddresses(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (length <= MAX_LENGTH) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")) {
            problems.write(response, Problem.URI_TOO_LONG, "problem.uri_too_long.detail", null);
        } else {
            response.sendError(Problem.URI_TOO_LONG.status().value());
        }
    }
}
