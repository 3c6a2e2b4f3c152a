package app.kadr.generation.provider.comfyui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * ComfyUI's {@code GET /queue}: each entry is an array {@code [number, prompt_id, prompt, extra, outputs]}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record QueueState(
        @JsonProperty("queue_running") @Nullable List<JsonNode> running,
        @JsonProperty("queue_pending") @Nullable List<JsonNode> pending) {

    boolean running(String promptId) {
        return holds(running, promptId);
    }

    boolean pending(String promptId) {
        return holds(pending, promptId);
    }

    private static boolean holds(@Nullable List<JsonNode> entries, String promptId) {
        return entries != null
                && entries.stream()
                        .anyMatch(entry -> promptId.equals(entry.path(1).asString("")));
    }
}
