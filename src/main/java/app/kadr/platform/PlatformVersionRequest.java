package app.kadr.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the API is asked: which versions, and where the subject is (x, y as shares of the width and height, 0–1).
 * Without a focus the versions are framed around the subject Kadr finds itself.
 */
public record PlatformVersionRequest(
        @Nullable List<String> formats, @Nullable Focus focus) {

    public record Focus(@Nullable Double x, @Nullable Double y) {}
}
