package app.kadr.smartedit;

import app.kadr.shared.OutboundUrls;
import app.kadr.smartedit.AgentException.Kind;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible chat completions protocol with a strict JSON-schema answer ({@code response_format}
 * {@code json_schema}). The answer is checked against the same schema here, because compatible servers do not all
 * enforce it; a refusal, a busy or failing server, a time-out and an answer that is not the schema's are each told
 * apart. The key is sent only in the Authorization header and never logged.
 */
final class ChatClient {

    private static final Logger log = LoggerFactory.getLogger(ChatClient.class);

    /** Where the agent is and which model answers; {@code apiKey} may be empty for a local server. */
    /** Where the agent is; {@code selfHosted}: an address inside the network is allowed (see OutboundUrls). */
    record Endpoint(String baseUrl, String apiKey, String model, boolean selfHosted) {}

    private final JsonMapper json;
    private final Duration timeout;

    ChatClient(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    /** Asks for an answer in the given schema and returns it, checked against that schema. */
    JsonNode structured(Endpoint endpoint, String system, String user, String schemaName, JsonNode schema)
            throws AgentException {
        Map<String, Object> body = Map.of(
                "model", endpoint.model(),
                "temperature", 0.2,
                "messages",
                        List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)),
                "response_format",
                        Map.of(
                                "type",
                                "json_schema",
                                "json_schema",
                                Map.of("name", schemaName, "strict", true, "schema", schema)));
        try {
            OutboundUrls.check(endpoint.baseUrl(), endpoint.selfHosted());
        } catch (OutboundUrls.Refused e) {
            throw new AgentException(AgentException.Kind.FORBIDDEN_ADDRESS, e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (!endpoint.apiKey().isBlank()) {
            headers.put("Authorization", "Bearer " + endpoint.apiKey());
        }
        AgentHttp.Answer answer = AgentHttp.post(
                completionsUri(endpoint.baseUrl()),
                endpoint.selfHosted(),
                timeout,
                headers,
                json.writeValueAsString(body));
        failOnStatus(answer);
        return content(answer.body(), schema);
    }

    private void failOnStatus(AgentHttp.Answer answer) throws AgentException {
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        log.warn("The agent answered HTTP {}", status);
        AgentHttp.failOnServerStatus(status);
        if (answer.body().contains("content_policy") || answer.body().contains("content_filter")) {
            throw new AgentException(Kind.REFUSED, null);
        }
        throw new AgentException(Kind.REJECTED, "HTTP " + status);
    }

    private JsonNode content(String body, JsonNode schema) throws AgentException {
        try {
            JsonNode choice = json.readTree(body).path("choices").path(0);
            JsonNode message = choice.path("message");
            if (message.path("refusal").isString()
                    && !message.path("refusal").asString().isBlank()) {
                throw new AgentException(Kind.REFUSED, null);
            }
            if ("content_filter".equals(choice.path("finish_reason").asString(""))) {
                throw new AgentException(Kind.REFUSED, null);
            }
            if (!message.path("content").isString()) {
                throw new AgentException(Kind.MALFORMED, "no content");
            }
            JsonNode answer = json.readTree(message.path("content").asString());
            List<Error> errors = validator(schema).validate(answer);
            if (!errors.isEmpty()) {
                throw new AgentException(Kind.MALFORMED, errors.getFirst().toString());
            }
            return answer;
        } catch (JacksonException e) {
            throw new AgentException(Kind.MALFORMED, e.getOriginalMessage());
        }
    }

    private static Schema validator(JsonNode schema) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
    }

    private static URI completionsUri(String baseUrl) {
        String base = baseUrl.strip().replaceAll("/+$", "");
        return URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
    }
}
