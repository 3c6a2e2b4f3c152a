package app.kadr.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word, for requests it refuses before Kadr sees them (an encoded slash or NUL in the address,
 * an address or header over the limit) and for errors no one else answered: Russian problem+json under
 * {@code /api}, a plain Russian page elsewhere, never Tomcat's English page with its version.
 */
class KadrErrorReportValve extends ErrorReportValve {

    private final Messages messages;
    private final JsonMapper json;

    KadrErrorReportValve(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        Problem problem = Errors.problemOf(status == null ? HttpStatus.BAD_REQUEST : status);
        String title = messages.get(problem.titleKey());
        String detail = messages.get(
                code == HttpStatus.BAD_REQUEST.value()
                        ? "problem.bad_request.detail"
                        : "problem." + problem.code() + ".detail");
        // The raw address: a request refused while it was parsed has no decoded one.
        String uri = request.getCoyoteRequest().requestURI().toString();
        try {
            Writer writer;
            if (uri != null && uri.startsWith("/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                writer = response.getReporter();
                if (writer != null) {
                    var body = ProblemBodies.of(problem, title, detail, null);
                    body.setStatus(code);
                    writer.write(json.writeValueAsString(body));
                }
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                writer = response.getReporter();
                if (writer != null) {
                    writer.write(page(code, title, detail));
                }
            }
            if (writer != null) {
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was already under way: nothing more can be said.
        }
    }

    private String page(int code, String title, String detail) {
        return """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>%s · %s</title></head>
                <body><main><p>%d</p><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(
                        HtmlUtils.htmlEscape(title),
                        HtmlUtils.htmlEscape(messages.get("app.name")),
                        code,
                        HtmlUtils.htmlEscape(title),
                        HtmlUtils.htmlEscape(detail),
                        HtmlUtils.htmlEscape(messages.get("error.back")));
    }
}
