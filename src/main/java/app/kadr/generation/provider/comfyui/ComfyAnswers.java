package app.kadr.generation.provider.comfyui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The small JSON answers of ComfyUI's server. */
final class ComfyAnswers {

    private ComfyAnswers() {}

    /** {@code POST /upload/image}: where the image landed in ComfyUI's input folder. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uploaded(
            @Nullable String name,
            @Nullable String subfolder,
            @Nullable String type) {

        /** How a LoadImage node names it: {@code subfolder/name}, or just the name. */
        String reference() {
            return subfolder == null || subfolder.isBlank() ? String.valueOf(name) : subfolder + "/" + name;
        }
    }

    /** {@code POST /prompt}: the id to poll the history with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Queued(
            @JsonProperty("prompt_id") @Nullable String promptId,
            @Nullable Integer number) {}
}
