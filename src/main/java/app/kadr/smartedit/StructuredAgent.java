package app.kadr.smartedit;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smart-edit agent for other modules that need an answer in their own JSON schema (reading a script into shots):
 * the same settings, protocol and schema check as smart edit, and the same Russian refusals when it fails.
 */
@Component
public class StructuredAgent {

    private final AgentSettings settings;
    private final ChatClient chat;

    StructuredAgent(AgentSettings settings, JsonMapper json, @Value("${kadr.llm.timeout:60s}") Duration timeout) {
        this.settings = settings;
        this.chat = new ChatClient(json, timeout);
    }

    /**
     * The agent's answer, checked against the schema; empty when no agent is configured (the caller then uses its
     * offline rules).
     *
     * @throws app.kadr.shared.KadrException when the agent refuses, fails, times out or answers off the schema
     */
    public Optional<JsonNode> ask(String system, String user, String schemaName, JsonNode schema) {
        Optional<ChatClient.Endpoint> endpoint = settings.endpoint();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(chat.structured(endpoint.get(), system, user, schemaName, schema));
        } catch (AgentException e) {
            throw e.toProblem();
        }
    }
}
