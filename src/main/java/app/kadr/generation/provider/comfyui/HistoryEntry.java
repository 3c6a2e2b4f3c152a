package app.kadr.generation.provider.comfyui;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One finished prompt in ComfyUI's history: {@code {outputs:{<node>:{images:[{filename,subfolder,type}]}},
 * status:{status_str, completed, messages}}}. ComfyUI only writes it once the prompt has run.
 */
final class HistoryEntry {

    /** Where output nodes list their files: SaveImage writes {@code images}, VideoHelperSuite {@code gifs}. */
    private static final List<String> FILE_LISTS = List.of("images", "gifs", "videos");

    private final JsonNode entry;

    private HistoryEntry(JsonNode entry) {
        this.entry = entry;
    }

    /** The prompt's entry in a {@code GET /history/{id}} answer, or null while it is queued or running. */
    static @Nullable HistoryEntry in(JsonNode history, String promptId) {
        JsonNode entry = history.path(promptId);
        return entry.isObject() ? new HistoryEntry(entry) : null;
    }

    boolean failed() {
        return "error".equals(entry.path("status").path("status_str").asString(""));
    }

    /** The {@code execution_error} message (node, exception), else the whole status, for the owner's log. */
    String error() {
        for (JsonNode message : entry.path("status").path("messages").values()) {
            if ("execution_error".equals(message.path(0).asString(""))) {
                return message.path(1).toString();
            }
        }
        return entry.path("status").toString();
    }

    /**
     * The files the workflow saved. Previews ({@code type: temp}) are left out: they are ComfyUI's scratch
     * copies, not the workflow's result.
     */
    List<OutputFile> files() {
        List<OutputFile> files = new ArrayList<>();
        for (JsonNode node : entry.path("outputs").values()) {
            for (String list : FILE_LISTS) {
                for (JsonNode file : node.path(list).values()) {
                    String type = file.path("type").asString("output");
                    String filename = file.path("filename").asString("");
                    if (type.equals("output") && !filename.isBlank()) {
                        files.add(
                                new OutputFile(filename, file.path("subfolder").asString(""), type));
                    }
                }
            }
        }
        return files;
    }

    @Override
    public String toString() {
        return entry.toString();
    }
}
