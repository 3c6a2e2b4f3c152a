package app.kadr.smartedit;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rewrites a prompt by a plain request: by the AI agent when one is configured, else by the offline rules (and the
 * result says so). Also writes improved variants of a prompt, which only the AI agent can do.
 */
@Component
class Agent {

    static final int MAX_VARIANTS = 3;

    private final AgentSettings settings;
    private final OfflineRules rules;
    private final Messages messages;
    private final JsonMapper json;
    private final ChatClient chat;
    private final JsonNode rewriteSchema;
    private final JsonNode enhanceSchema;
    private final String rewriteSystem;
    private final String enhanceSystem;

    Agent(
            AgentSettings settings,
            OfflineRules rules,
            Messages messages,
            JsonMapper json,
            @Value("${kadr.llm.timeout:60s}") Duration timeout) {
        this.settings = settings;
        this.rules = rules;
        this.messages = messages;
        this.json = json;
        this.chat = new ChatClient(json, timeout);
        this.rewriteSchema = json.readTree(resource("rewrite-schema.json"));
        this.enhanceSchema = json.readTree(resource("enhance-schema.json"));
        this.rewriteSystem = resource("rewrite-system.txt");
        this.enhanceSystem = resource("enhance-system.txt");
    }

    boolean configured() {
        return settings.endpoint().isPresent();
    }

    Rewrite rewrite(String prompt, @Nullable String negative, Map<String, Object> params, String instruction) {
        Optional<ChatClient.Endpoint> endpoint = settings.endpoint();
        if (endpoint.isEmpty()) {
            return offline(prompt, negative, instruction);
        }
        String user = "Prompt:\n" + prompt + "\n\nNegative prompt:\n" + (negative == null ? "(none)" : negative)
                + "\n\nParameters: " + json.writeValueAsString(params) + "\n\nRequest:\n" + instruction;
        try {
            JsonNode answer = chat.structured(endpoint.get(), rewriteSystem, user, "prompt_rewrite", rewriteSchema);
            String rewritten = answer.path("prompt").asString("").strip();
            if (rewritten.isEmpty()) {
                throw new AgentException(AgentException.Kind.MALFORMED, "empty prompt");
            }
            JsonNode negativeNode = answer.path("negativePrompt");
            String newNegative =
                    negativeNode.isString() && !negativeNode.asString().isBlank()
                            ? negativeNode.asString().strip()
                            : null;
            Map<String, Object> changes = new LinkedHashMap<>();
            for (JsonNode change : answer.path("paramChanges")) {
                changes.put(
                        change.path("name").asString(),
                        typed(change.path("value").asString()));
            }
            return new Rewrite(
                    rewritten,
                    newNegative,
                    changes,
                    answer.path("explanation").asString("").strip(),
                    false);
        } catch (AgentException e) {
            throw e.toProblem();
        }
    }

    /** One to three improved variants of a prompt, from the AI agent. */
    Optional<List<String>> enhance(String prompt) {
        Optional<ChatClient.Endpoint> endpoint = settings.endpoint();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = chat.structured(endpoint.get(), enhanceSystem, prompt, "prompt_variants", enhanceSchema);
            List<String> variants = new ArrayList<>();
            for (JsonNode variant : answer.path("variants")) {
                String text = variant.asString("").strip();
                if (!text.isEmpty() && variants.size() < MAX_VARIANTS) {
                    variants.add(text);
                }
            }
            if (variants.isEmpty()) {
                throw new AgentException(AgentException.Kind.MALFORMED, "no variants");
            }
            return Optional.of(variants);
        } catch (AgentException e) {
            throw e.toProblem();
        }
    }

    private Rewrite offline(String prompt, @Nullable String negative, String instruction) {
        OfflineRules.Result result = rules.rewrite(prompt, instruction);
        List<String> said = new ArrayList<>();
        for (OfflineRules.Step step : result.steps()) {
            said.add(explain(step));
        }
        return new Rewrite(result.prompt(), negative, result.paramChanges(), String.join("; ", said), true);
    }

    private String explain(OfflineRules.Step step) {
        return switch (step.kind()) {
            case CHANGED ->
                step.from() == null
                        ? messages.get(
                                "smartedit.offline.set", messages.get("smartedit.slot." + step.subject()), step.to())
                        : messages.get(
                                "smartedit.offline.changed",
                                messages.get("smartedit.slot." + step.subject()),
                                step.from(),
                                step.to());
            case REPLACED -> messages.get("smartedit.offline.replaced", step.from(), step.to());
            case ADDED -> messages.get("smartedit.offline.added", step.to());
            case REMOVED -> messages.get("smartedit.offline.removed", step.to());
            case ABSENT -> messages.get("smartedit.offline.absent", step.to());
            case PARAM -> messages.get("smartedit.offline.param", step.to());
            case CLAUSE -> messages.get("smartedit.offline.clause", step.to());
        };
    }

    /** A parameter value as the model's schema expects it: a number when it is one. */
    private static Object typed(String value) {
        String v = value.strip();
        if (v.matches("-?\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(v);
        }
        return v;
    }

    private static String resource(String name) {
        try (InputStream in = Agent.class.getResourceAsStream("/smartedit/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses enhancement when no AI is at hand: offline rules cannot improve a prompt. */
    static KadrException noAgent() {
        return KadrException.invalid("prompt", "enhance.no_agent");
    }
}
