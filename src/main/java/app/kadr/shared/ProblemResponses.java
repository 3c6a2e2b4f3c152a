package app.kadr.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
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
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(
                response.getWriter(),
                ProblemBodies.of(problem, messages.get(problem.titleKey()), messages.get(detailKey), field));
    }
}
