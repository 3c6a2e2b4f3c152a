package app.kadr.generation.provider.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of {@code /images/generations} and {@code /images/edits}: always base64 for gpt-image-1. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ImagesAnswer(
        @Nullable Long created,
        @Nullable List<Image> data,
        @JsonProperty("output_format") @Nullable String outputFormat) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(@JsonProperty("b64_json") @Nullable String b64Json) {}

    List<Image> images() {
        return data == null ? List.of() : data;
    }

    /** The answer for the owner's log: everything but the images themselves. */
    String summary() {
        return "{\"created\":" + created + ",\"images\":" + images().size() + ",\"output_format\":"
                + (outputFormat == null ? "null" : "\"" + outputFormat + "\"") + "}";
    }
}
