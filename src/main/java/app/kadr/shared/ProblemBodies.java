package app.kadr.shared;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 body every API error shares: status, title, detail, code and maybe the field. */
public final class ProblemBodies {

    private ProblemBodies() {}

    public static ProblemDetail of(Problem problem, String title, String detail, @Nullable String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(URI.create("about:blank"));
        body.setTitle(title);
        body.setProperty("code", problem.code());
        if (field != null) {
            body.setProperty("field", field);
        }
        return body;
    }
}
