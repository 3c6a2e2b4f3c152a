package app.kadr.shared;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** The model of the {@code error} template. */
final class ErrorPage {

    private ErrorPage() {}

    static ModelAndView of(Problem problem, String title, String detail) {
        return of(problem.status(), title, detail);
    }

    static ModelAndView of(HttpStatusCode status, String title, String detail) {
        ModelAndView page =
                new ModelAndView("error", Map.of("errorTitle", title, "detail", detail, "status", status.value()));
        page.setStatus(status);
        return page;
    }
}
