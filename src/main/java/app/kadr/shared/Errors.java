package app.kadr.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * What the servlet container forwards to when a failure happened outside a controller (unknown paths,
 * security filters, oversize requests): problem+json for the API whatever its {@code Accept} says, a Russian
 * page for browsers elsewhere.
 */
@Controller
class Errors implements ErrorController {

    private final Messages messages;
    private final ProblemResponses problems;

    Errors(Messages messages, ProblemResponses problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Problem problem = problemOf(status);
        String title = messages.get(problem.titleKey());
        String detail = messages.get("problem." + problem.code() + ".detail");
        if (wantsPage(request)) {
            return ErrorPage.of(status, title, detail);
        }
        ProblemDetail body = ProblemBodies.of(problem, title, detail, null);
        body.setStatus(status.value());
        View json = (model, req, response) -> problems.write(response, body);
        return new ModelAndView(json);
    }

    /** A page for a browser's page address; the API, and clients that do not read HTML, get problem+json. */
    private static boolean wantsPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> acceptable = MediaType.parseMediaTypes(accept);
            return acceptable.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static Problem problemOf(HttpStatus status) {
        for (Problem problem : Problem.values()) {
            if (problem.status() == status) {
                return problem;
            }
        }
        return status.is4xxClientError() ? Problem.VALIDATION : Problem.INTERNAL;
    }
}
