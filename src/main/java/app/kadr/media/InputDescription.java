package app.kadr.media;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what {@code ffmpeg -hide_banner -i file} prints about its input (the bundled ffmpeg has no ffprobe).
 *
 * <p>Rules: the input is unreadable if ffmpeg says so or never lists it; the picture is the first {@code Video:}
 * stream that is not a cover ({@code attached pic}); its size is the first {@code , WxH} after the codec (the comma
 * keeps hex tags such as {@code (avc1 / 0x31637661)} out); a display matrix or {@code rotate} tag of ±90° swaps the
 * sides; the duration is the container's, else the stream's {@code DURATION} tag, else 0. The same rules read
 * ffprobe's JSON in {@link FfprobeOutput}.
 */
final class InputDescription {

    private static final Pattern UNREADABLE =
            Pattern.compile("Invalid data found when processing input|moov atom not found");
    private static final Pattern INPUT = Pattern.compile("^Input #0, ", Pattern.MULTILINE);
    private static final String TIME = "(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)";
    private static final Pattern CONTAINER_DURATION = Pattern.compile("^\\s+Duration: " + TIME, Pattern.MULTILINE);
    private static final Pattern STREAM_DURATION = Pattern.compile("^\\s+DURATION\\s*: " + TIME, Pattern.MULTILINE);
    // "(und)" or "[0x100]" may follow the stream number
    private static final Pattern STREAM = Pattern.compile("^(\\s+)Stream #\\d+:\\d+\\S*: (\\w+): (.*)$");
    private static final Pattern CODEC = Pattern.compile("^([^\\s,(]+)");
    private static final Pattern SIZE = Pattern.compile(",\\s*(\\d{1,5})x(\\d{1,5})(?=[\\s,\\[]|$)");
    private static final Pattern DISPLAY_MATRIX =
            Pattern.compile("displaymatrix: rotation of (-?\\d+(?:\\.\\d+)?) degrees");
    private static final Pattern ROTATE_TAG = Pattern.compile("^\\s+rotate\\s*: (-?\\d+)\\s*$", Pattern.MULTILINE);
    // the field after the codec: "yuv420p", "yuv420p(progressive)", "yuvj420p(pc, bt470bg/unknown/unknown)"
    private static final Pattern PIXEL_FORMAT = Pattern.compile("^[^,]*,\\s*(\\w+)");
    private static final Pattern FRAME_RATE = Pattern.compile(",\\s*(\\d+(?:\\.\\d+)?)(k?) fps");

    /** The first picture stream: its line after "Video: ", and the indented metadata and side data under it. */
    private record PictureStream(String summary, String details) {}

    private InputDescription() {}

    static VideoInfo parse(String description) throws MediaException {
        if (UNREADABLE.matcher(description).find()
                || !INPUT.matcher(description).find()) {
            throw new MediaException("media.video.unreadable");
        }
        List<String> lines = description.lines().toList();
        PictureStream picture = pictureStream(lines);
        if (picture == null) {
            throw new MediaException("media.video.no_stream");
        }
        Matcher size = SIZE.matcher(picture.summary());
        if (!size.find()) {
            throw new MediaException("media.video.unreadable");
        }
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        if (width <= 0 || height <= 0) {
            throw new MediaException("media.video.unreadable");
        }
        Matcher codec = CODEC.matcher(picture.summary());
        Matcher pixelFormat = PIXEL_FORMAT.matcher(picture.summary());
        int rotation = rotation(picture.details());
        boolean sideways = VideoInfo.isSideways(rotation);
        return new VideoInfo(
                sideways ? height : width,
                sideways ? width : height,
                durationMs(description, picture.details()),
                rotation,
                codec.find() ? codec.group(1) : "",
                pixelFormat.find() ? pixelFormat.group(1) : "",
                frameRate(picture.summary()),
                lines.stream().anyMatch(InputDescription::isAudioStream));
    }

    /** A sound file's length: it needs an {@code Audio:} stream and a container duration above zero. */
    static long audioDurationMs(String description) throws MediaException {
        if (UNREADABLE.matcher(description).find()
                || !INPUT.matcher(description).find()
                || description.lines().noneMatch(InputDescription::isAudioStream)) {
            throw new MediaException("media.audio.unreadable");
        }
        Matcher container = CONTAINER_DURATION.matcher(description);
        long ms = container.find() ? millis(container) : 0;
        if (ms <= 0) {
            throw new MediaException("media.audio.unreadable");
        }
        return ms;
    }

    private static @Nullable PictureStream pictureStream(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher stream = STREAM.matcher(lines.get(i));
            if (stream.matches()
                    && stream.group(2).equals("Video")
                    // a cover picture (e.g. in an .m4a) is not a video
                    && !stream.group(3).contains("(attached pic)")) {
                int indent = stream.group(1).length();
                StringBuilder details = new StringBuilder();
                for (int j = i + 1; j < lines.size() && indentOf(lines.get(j)) > indent; j++) {
                    details.append(lines.get(j)).append('\n');
                }
                return new PictureStream(stream.group(3), details.toString());
            }
        }
        return null;
    }

    private static boolean isAudioStream(String line) {
        Matcher stream = STREAM.matcher(line);
        return stream.matches() && stream.group(2).equals("Audio");
    }

    /**
     * Phones record upright video as landscape frames plus a display matrix (or, in older files, a tag) that turns
     * them. The matrix turns counter-clockwise, the tag clockwise.
     */
    private static int rotation(String details) {
        Matcher matrix = DISPLAY_MATRIX.matcher(details);
        if (matrix.find()) {
            return VideoInfo.quarterTurns(Double.parseDouble(matrix.group(1)));
        }
        Matcher tag = ROTATE_TAG.matcher(details);
        return tag.find() ? VideoInfo.quarterTurns(-Double.parseDouble(tag.group(1))) : 0;
    }

    /** "25 fps", "29.97 fps", "1k fps"; 0 when ffmpeg does not say. */
    private static double frameRate(String summary) {
        Matcher rate = FRAME_RATE.matcher(summary);
        if (!rate.find()) {
            return 0;
        }
        double value = Double.parseDouble(rate.group(1));
        return rate.group(2).isEmpty() ? value : value * 1000;
    }

    private static long durationMs(String description, String details) {
        Matcher container = CONTAINER_DURATION.matcher(description);
        if (container.find()) {
            return millis(container);
        }
        Matcher stream = STREAM_DURATION.matcher(details);
        return stream.find() ? millis(stream) : 0;
    }

    private static long millis(Matcher time) {
        double seconds = Long.parseLong(time.group(1)) * 3600
                + Long.parseLong(time.group(2)) * 60
                + Double.parseDouble(time.group(3));
        return Math.round(seconds * 1000);
    }

    private static int indentOf(String line) {
        int spaces = 0;
        while (spaces < line.length() && Character.isWhitespace(line.charAt(spaces))) {
            spaces++;
        }
        return spaces == line.length() ? 0 : spaces;
    }
}
