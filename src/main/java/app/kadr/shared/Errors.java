package app.kadr.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container forwards to when a failure happened outside a controller (unknown paths,
 * security filters, oversize requests): a Russian page for browsers, problem+json for everyone else.
 */
@Controller
class Errors implements ErrorController {

    private final Messages messages;

    Errors(Messages messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        return ErrorPage.of(status, titleOf(status), detailOf(status));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Problem problem = problemOf(status);
        ProblemDetail body = ProblemBodies.of(problem, titleOf(status), detailOf(status), null);
        body.setStatus(status.value());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static Problem problemOf(HttpStatus status) {
        for (Problem problem : Problem.values()) {
            if (problem.status() == status) {
                return problem;
            }
        }
        return status.is4xxClientError() ? Problem.VALIDATION : Problem.INTERNAL;
    }

    private String titleOf(HttpStatus status) {
        return messages.get(problemOf(status).titleKey());
    }

    private String detailOf(HttpStatus status) {
        return messages.get("problem." + problemOf(status).code() + ".detail");
    }
}
