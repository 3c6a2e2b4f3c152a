package app.kadr.smartedit;

import app.kadr.smartedit.AgentException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runware's {@code promptEnhance} task: improved versions of a prompt, when Runware is the provider at hand. */
final class RunwareEnhance {

    static final int MAX_LENGTH = 380;

    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient http = AgentHttp.client();

    RunwareEnhance(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    List<String> enhance(String baseUrl, String apiKey, String prompt, int versions) throws AgentException {
        List<Map<String, Object>> tasks = List.of(Map.of(
                "taskType", "promptEnhance",
                "taskUUID", UUID.randomUUID().toString(),
                "prompt", prompt,
                "promptMaxLength", MAX_LENGTH,
                "promptVersions", versions));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(tasks), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer = AgentHttp.send(http, request);
        int status = answer.statusCode();
        AgentHttp.failOnServerStatus(status);
        try {
            JsonNode body = json.readTree(answer.body());
            if (body.path("errors").size() > 0 || status >= 400) {
                throw new AgentException(
                        Kind.REJECTED, body.path("errors").path(0).path("code").asString(""));
            }
            List<String> variants = new ArrayList<>();
            for (JsonNode item : body.path("data")) {
                String text = item.path("text").asString("").strip();
                if (!text.isEmpty() && !variants.contains(text)) {
                    variants.add(text);
                }
            }
            if (variants.isEmpty()) {
                throw new AgentException(Kind.MALFORMED, "no text");
            }
            return variants;
        } catch (JacksonException e) {
            throw new AgentException(Kind.MALFORMED, e.getOriginalMessage());
        }
    }
}
