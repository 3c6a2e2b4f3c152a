package app.kadr.asset;

import org.jspecify.annotations.Nullable;

/** The stored derivative files of one asset and what processing learned about it. */
record Derivatives(
        int width,
        int height,
        @Nullable Long durationMs,
        String thumbhash,
        String thumbKey,
        String previewKey,
        @Nullable String posterKey,
        @Nullable String hoverKey) {}
