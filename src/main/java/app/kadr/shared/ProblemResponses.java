package app.kadr.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer where no controller is involved, as in security filters. */
@Component
public class ProblemResponses {

    private final Messages messages;
    private final JsonMapper json;

    ProblemResponses(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public void write(HttpServletResponse response, Problem problem, String detailKey, @Nullable String field)
            throws IOException {
        write(response, ProblemBodies.of(problem, messages.get(problem.titleKey()), messages.get(detailKey), field));
    }

    /** Writes the body as problem+json whatever the client said it accepts: an error has no other form. */
    void write(HttpServletResponse response, ProblemDetail body) throws IOException {
        response.setStatus(body.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), body);
    }
}
