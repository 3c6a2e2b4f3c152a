package app.kadr.smartedit;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.Provider;
import app.kadr.catalog.ProviderKind;
import app.kadr.shared.KadrException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * «Улучшить промпт»: one to three improved variants of a prompt from the AI agent, or, without one, from Runware's
 * promptEnhance when Runware is configured with a key. Offline rules cannot improve a prompt, so without either the
 * person is told how to get it.
 */
@Service
public class PromptEnhancer {

    static final String RUNWARE_URL = "https://api.runware.ai/v1";

    /** The variants and who wrote them: {@code agent} or {@code runware}. */
    public record Enhanced(List<String> variants, String source) {}

    private final Agent agent;
    private final Catalog catalog;
    private final RunwareEnhance runware;

    PromptEnhancer(Agent agent, Catalog catalog, JsonMapper json, @Value("${kadr.llm.timeout:60s}") Duration timeout) {
        this.agent = agent;
        this.catalog = catalog;
        this.runware = new RunwareEnhance(json, timeout);
    }

    public Enhanced enhance(@Nullable String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        if (text.isEmpty()) {
            throw KadrException.invalid("prompt", "generation.prompt.empty");
        }
        if (text.length() > SmartEditService.MAX_INSTRUCTION * 5) {
            throw KadrException.invalid("prompt", "enhance.prompt.long", SmartEditService.MAX_INSTRUCTION * 5);
        }
        Optional<List<String>> fromAgent = agent.enhance(text);
        if (fromAgent.isPresent()) {
            return new Enhanced(fromAgent.get(), "agent");
        }
        Provider provider = catalog.providers().stream()
                .filter(p -> p.kind() == ProviderKind.RUNWARE && p.enabled() && p.hasKey())
                .findFirst()
                .orElseThrow(Agent::noAgent);
        String key = catalog.apiKey(provider).orElseThrow(Agent::noAgent);
        try {
            List<String> variants = runware.enhance(
                    provider.baseUrl() == null ? RUNWARE_URL : provider.baseUrl(),
                    provider.selfHosted(),
                    key,
                    text,
                    Agent.MAX_VARIANTS);
            return new Enhanced(variants.subList(0, Math.min(variants.size(), Agent.MAX_VARIANTS)), "runware");
        } catch (AgentException e) {
            throw e.toProblem();
        }
    }
}
