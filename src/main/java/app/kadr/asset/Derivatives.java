package app.kadr.asset;

import org.jspecify.annotations.Nullable;

/** The stored derivative files of one asset and what processing learned about it; a sound has no width or height. */
record Derivatives(
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long durationMs,
        String thumbhash,
        String thumbKey,
        String previewKey,
        @Nullable String posterKey,
        @Nullable String hoverKey) {}
