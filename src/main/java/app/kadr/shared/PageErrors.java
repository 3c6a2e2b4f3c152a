package app.kadr.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Failures of the HTML pages: a calm Russian page with the reason, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final Messages messages;

    PageErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KadrException.class)
    ModelAndView kadr(KadrException e) {
        return ErrorPage.of(e.problem(), messages.get(e.problem().titleKey()), messages.detailOf(e));
    }

    /** Method security refused an admin-only page (account.AdminOnly): for anyone else it does not exist. */
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView adminOnly(AccessDeniedException e) {
        return notFound();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId(MethodArgumentTypeMismatchException e) {
        return notFound();
    }

    private ModelAndView notFound() {
        return ErrorPage.of(
                Problem.NOT_FOUND,
                messages.get(Problem.NOT_FOUND.titleKey()),
                messages.get("problem.not_found.detail"));
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badMultipart(MultipartException e) {
        Problem problem = e instanceof MaxUploadSizeExceededException ? Problem.TOO_LARGE : Problem.VALIDATION;
        String detail =
                messages.get(problem == Problem.TOO_LARGE ? "upload.too_large.request" : "upload.broken_request");
        return ErrorPage.of(problem, messages.get(problem.titleKey()), detail);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring's own 4xx (unknown method, bad media type…) go to the error page by status.
        }
        log.error("Unexpected failure on a page", e);
        return ErrorPage.of(
                Problem.INTERNAL, messages.get(Problem.INTERNAL.titleKey()), messages.get("problem.internal.detail"));
    }
}
