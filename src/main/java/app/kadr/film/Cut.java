package app.kadr.film;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The film as an editor receives it: the shots in order, each with its length in whole frames, so that every
 * timeline written from it adds up to the same running time.
 *
 * @param fps frames per second of the project (24, 25 or 30)
 * @param aspectRatio the picture's width over its height
 */
record Cut(String name, int fps, double aspectRatio, List<Cut.Shot> shots) {

    /**
     * One shot.
     *
     * @param frames its length on the timeline
     * @param media its headliner's original file, or null when the shot has none (a gap with its title)
     * @param notes the client's comments on it, shown to the editor as markers at the shot's first frame
     */
    record Shot(
            int number, String title, int frames, @Nullable Media media, List<String> notes) {

        /** The frames the media covers: a still covers the whole shot, a video no more than it has. */
        int clipFrames() {
            if (media == null) {
                return 0;
            }
            return media.video() ? Math.min(frames, media.frames()) : frames;
        }

        /** The frames left black after a video shorter than its shot (or the whole shot without media). */
        int gapFrames() {
            return frames - clipFrames();
        }
    }

    /**
     * A headliner's original file as it is named in the hand-off.
     *
     * @param fileName the name in the hand-off, such as {@code 010_les_take3.mp4}
     * @param frames the length of a video; 0 for a still
     */
    record Media(String blobKey, String fileName, boolean video, int frames) {}

    int totalFrames() {
        return shots.stream().mapToInt(Shot::frames).sum();
    }
}
