package app.kadr.shared;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.util.DisconnectedClientHelper;

/** Turns every failure of a JSON API call into {@code application/problem+json} with a Russian detail. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Messages messages;

    ApiErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KadrException.class)
    ResponseEntity<ProblemDetail> kadr(KadrException e) {
        return problem(e.problem(), messages.detailOf(e), e.field());
    }

    /** Method security refused an admin-only action (account.AdminOnly): the API says why. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> adminOnly(AccessDeniedException e) {
        return problem(Problem.FORBIDDEN, messages.get("problem.admin_only.detail"), null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        FieldError error = e.getBindingResult().getFieldError();
        String field = error == null ? null : error.getField();
        String detail = error == null || error.getDefaultMessage() == null
                ? messages.get("problem.validation.detail")
                : messages.get("problem.validation.field", field, error.getDefaultMessage());
        return problem(Problem.VALIDATION, detail, field);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        return problem(Problem.VALIDATION, messages.get("problem.validation.detail"), null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return problem(Problem.VALIDATION, messages.get("problem.unreadable.detail"), null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problem(Problem.VALIDATION, messages.get("problem.missing_file.detail"), e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badId(MethodArgumentTypeMismatchException e) {
        // A path id that is not even a UUID names nothing that exists.
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return problem(Problem.NOT_FOUND, messages.get("problem.not_found.detail"), null);
        }
        return problem(Problem.VALIDATION, messages.get("problem.validation.field", e.getName(), "?"), e.getName());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(Problem.TOO_LARGE, messages.get("upload.too_large.request"), "file");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        return problem(Problem.VALIDATION, messages.get("upload.broken_request"), "file");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        ProblemDetail body = ProblemDetail.forStatus(405);
        body.setTitle(messages.get("problem.method.title"));
        body.setDetail(messages.get("problem.method.title"));
        body.setProperty("code", "method_not_allowed");
        return ResponseEntity.status(405)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> contentType(HttpMediaTypeNotSupportedException e) {
        return problem(Problem.UNSUPPORTED_MEDIA, messages.get("problem.content_type.detail"), null);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(Problem.VALIDATION, messages.get("problem.request_rejected.detail"), null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(Problem.NOT_ACCEPTABLE, messages.get("problem.not_acceptable.detail"), null);
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            return null; // A browser that stopped loading a video is not a failure, and nobody is left to answer.
        }
        log.error("Unexpected failure in an API call", e);
        return problem(Problem.INTERNAL, messages.get("problem.internal.detail"), null);
    }

    ResponseEntity<ProblemDetail> problem(Problem problem, String detail, String field) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemBodies.of(problem, messages.get(problem.titleKey()), detail, field));
    }
}
