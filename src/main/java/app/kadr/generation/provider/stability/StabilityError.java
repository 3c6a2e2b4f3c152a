package app.kadr.generation.provider.stability;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stability's error answer, e.g. {@code {"id":"…","name":"bad_request","errors":["prompt: cannot be empty"]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StabilityError(
        @Nullable String id,
        @Nullable String name,
        @Nullable List<String> errors) {}
