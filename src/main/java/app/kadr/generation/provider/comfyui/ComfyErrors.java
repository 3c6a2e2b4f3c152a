package app.kadr.generation.provider.comfyui;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ComfyUI's HTTP statuses in Kadr's words (see PROVIDERS.md, "Mapping to the user's words"). */
final class ComfyErrors {

    private ComfyErrors() {}

    static ProviderException of(Exchange answer) {
        String raw = answer.raw();
        return switch (answer.status()) {
            case 400 -> ProviderException.badInput(invalidInput(answer), raw);
            // A proxy in front of a ComfyUI that is (re)starting.
            case 502, 503, 504 -> ProviderException.busy(answer.retryAfter(), raw);
            default -> ProviderException.of(Kind.FAILED, raw);
        };
    }

    /**
     * The first node error's input name, from {@code "node_errors":{"3":{"errors":[{"extra_info":{"input_name":
     * "ckpt_name"}}]}}}; else the workflow itself is what is wrong (e.g. {@code prompt_no_outputs}).
     */
    private static String invalidInput(Exchange answer) {
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(answer.body());
        } catch (JacksonException notJson) {
            return "workflow";
        }
        for (JsonNode node : body.path("node_errors").values()) {
            for (JsonNode error : node.path("errors").values()) {
                String input = error.path("extra_info").path("input_name").asString("");
                if (!input.isBlank()) {
                    return input;
                }
            }
        }
        return "workflow";
    }
}
