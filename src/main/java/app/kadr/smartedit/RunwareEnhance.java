package app.kadr.smartedit;

import app.kadr.shared.OutboundUrls;
import app.kadr.smartedit.AgentException.Kind;
import java.net.URI;
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

    RunwareEnhance(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Asks Runware at {@code baseUrl} with the key, through the same guard as every provider call: the address is
     * checked before the key goes anywhere, and the connection goes only where the check looked.
     */
    List<String> enhance(String baseUrl, boolean selfHosted, String apiKey, String prompt, int versions)
            throws AgentException {
        try {
            OutboundUrls.check(baseUrl, selfHosted);
        } catch (OutboundUrls.Refused e) {
            throw new AgentException(Kind.FORBIDDEN_ADDRESS, e.getMessage());
        }
        List<Map<String, Object>> tasks = List.of(Map.of(
                "taskType", "promptEnhance",
                "taskUUID", UUID.randomUUID().toString(),
                "prompt", prompt,
                "promptMaxLength", MAX_LENGTH,
                "promptVersions", versions));
        AgentHttp.Answer answer = AgentHttp.post(
                URI.create(baseUrl),
                selfHosted,
                timeout,
                Map.of("Authorization", "Bearer " + apiKey),
                json.writeValueAsString(tasks));
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
