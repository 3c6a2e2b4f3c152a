package app.kadr.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the address and every query or form parameter to {@link TextInputs} before anything else reads them:
 * a bad one answers 400 naming it, as problem+json for the API and as the error page elsewhere. It runs
 * before the security filters, whose firewall would otherwise throw on such a parameter deep inside a
 * handler. A multipart body's parts are left to their handlers (file names are cleaned there).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TextParameters extends OncePerRequestFilter {

    /** The request attribute through which the error page learns the sentence to show. */
    static final String DETAIL = TextParameters.class.getName() + ".detail";

    private final Messages messages;
    private final ProblemResponses problems;

    TextParameters(Messages messages, ProblemResponses problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bad = firstBad(request);
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        KadrException refusal = TextInputs.refusal(bad);
        String detail = messages.detailOf(refusal);
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(
                    response,
                    ProblemBodies.of(
                            refusal.problem(), messages.get(refusal.problem().titleKey()), detail, bad));
        } else {
            request.setAttribute(DETAIL, detail);
            response.sendError(refusal.problem().status().value());
        }
    }

    private static @Nullable String firstBad(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!TextInputs.allowed(path)) {
            return "path";
        }
        Map<String, String[]> parameters = multipart(request) ? query(request) : request.getParameterMap();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!TextInputs.allowed(parameter.getKey())) {
                return "?";
            }
            for (String value : parameter.getValue()) {
                if (!TextInputs.allowed(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** The query string's parameters alone: reading a multipart request's parameters would parse its parts. */
    private static Map<String, String[]> query(HttpServletRequest request) {
        String query = request.getQueryString();
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.put(name, new String[] {value});
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
