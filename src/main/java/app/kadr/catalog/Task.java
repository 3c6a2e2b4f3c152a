package app.kadr.catalog;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a model does. The code is the API's and the database's spelling. */
public enum Task {
    TEXT_TO_IMAGE,
    IMAGE_TO_IMAGE,
    INPAINT,
    OUTPAINT,
    UPSCALE,
    REMOVE_BACKGROUND,
    TEXT_TO_VIDEO,
    IMAGE_TO_VIDEO,
    VIDEO_TO_VIDEO,
    LIP_SYNC;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the result is a video, so the generation module knows what kind of asset it makes. */
    public boolean makesVideo() {
        return this == TEXT_TO_VIDEO || this == IMAGE_TO_VIDEO || this == VIDEO_TO_VIDEO || this == LIP_SYNC;
    }

    /**
     * Whether the task works on a picture it is given. A text task may still take one as a guide where its model
     * maps a source (Sora's optional {@code input_reference}), but it never needs one.
     */
    public boolean needsSource() {
        return this != TEXT_TO_IMAGE && this != TEXT_TO_VIDEO;
    }

    public static Optional<Task> of(@Nullable String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Task::code).toList());
    }
}
