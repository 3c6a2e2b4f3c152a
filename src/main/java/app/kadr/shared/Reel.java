package app.kadr.shared;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The film as the player plays it: the shots in order, each with its running time and the one file to show. The
 * owner's page and the client's link both fill it, each with the addresses its viewer may use, and both are
 * rendered by the same player page, so a client's reel can hold nothing the client's page could not.
 *
 * @param from the shot to start at, or null for the first
 */
public record Reel(
        String title, List<Reel.Shot> shots, @Nullable UUID from) {

    /** What a shot shows on the player. */
    public enum Kind {
        /** A video, played with its sound, cut at the shot's end or frozen on its last frame until then. */
        VIDEO,
        /** A still, held for the shot's running time. */
        STILL,
        /** No picture yet: a card with the shot's number and title. */
        CARD;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One shot.
     *
     * @param src the video or picture to show; null for a card
     * @param poster a picture of a video's first frame, shown until it plays
     * @param fallback a smaller video to play when the browser cannot play {@code src} (an original in a codec it
     *     lacks)
     */
    public record Shot(
            UUID id,
            int number,
            String title,
            long durationMs,
            Kind kind,
            @Nullable String src,
            @Nullable String poster,
            @Nullable String fallback) {

        public static Shot card(UUID id, int number, String title, long durationMs) {
            return new Shot(id, number, title, durationMs, Kind.CARD, null, null, null);
        }
    }

    /** The shot a {@code ?from=} asks to start at; anything but a shot's id starts at the beginning, not in an error. */
    public static @Nullable UUID start(@Nullable String from) {
        try {
            return from == null ? null : UUID.fromString(from);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    public long runtimeMs() {
        return shots.stream().mapToLong(Shot::durationMs).sum();
    }

    public String runtimeLabel() {
        return Timecode.clock(runtimeMs());
    }
}
