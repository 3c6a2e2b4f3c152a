package app.kadr.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ffprobe -print_format json -show_format -show_streams}.
 *
 * <p>Rules, the same as for ffmpeg's text ({@link InputDescription}): the picture is the first video stream that is
 * not a cover ({@code disposition.attached_pic}); a display matrix (or, in older files, a {@code rotate} tag) of ±90°
 * swaps its sides; the duration is the container's, else the stream's, else its {@code DURATION} tag, else 0; the
 * frame rate is the average one, else the base one.
 */
final class FfprobeOutput {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern CLOCK = Pattern.compile("^(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)$");
    private static final Pattern RATIO = Pattern.compile("^(\\d+)/(\\d+)$");

    private FfprobeOutput() {}

    static VideoInfo parse(String json) throws MediaException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaException("media.video.unreadable", e);
        }
        JsonNode streams = root.path("streams");
        if (!streams.isArray()) {
            throw new MediaException("media.video.unreadable");
        }
        JsonNode picture = null;
        boolean hasAudio = false;
        for (JsonNode stream : streams) {
            String type = stream.path("codec_type").asString("");
            hasAudio |= type.equals("audio");
            if (picture == null
                    && type.equals("video")
                    && stream.path("disposition").path("attached_pic").asInt(0) != 1) {
                picture = stream;
            }
        }
        if (picture == null) {
            throw new MediaException("media.video.no_stream");
        }
        int width = picture.path("width").asInt(0);
        int height = picture.path("height").asInt(0);
        if (width <= 0 || height <= 0) {
            throw new MediaException("media.video.unreadable");
        }
        int rotation = rotation(picture);
        boolean sideways = VideoInfo.isSideways(rotation);
        return new VideoInfo(
                sideways ? height : width,
                sideways ? width : height,
                durationMs(root.path("format"), picture),
                rotation,
                picture.path("codec_name").asString(""),
                picture.path("pix_fmt").asString(""),
                frameRate(picture),
                hasAudio);
    }

    /** A sound file's length: it needs a sound track and a length above zero, the container's or else the track's. */
    static long audioDurationMs(String json) throws MediaException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaException("media.audio.unreadable", e);
        }
        JsonNode sound = null;
        for (JsonNode stream : root.path("streams")) {
            if (sound == null && stream.path("codec_type").asString("").equals("audio")) {
                sound = stream;
            }
        }
        if (sound == null) {
            throw new MediaException("media.audio.unreadable");
        }
        long ms = durationMs(root.path("format"), sound);
        if (ms <= 0) {
            throw new MediaException("media.audio.unreadable");
        }
        return ms;
    }

    private static int rotation(JsonNode picture) {
        for (JsonNode sideData : picture.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return VideoInfo.quarterTurns(sideData.path("rotation").asDouble(0));
            }
        }
        // The tag turns clockwise, the matrix counter-clockwise.
        String tag = picture.path("tags").path("rotate").asString("");
        return tag.matches("-?\\d+") ? VideoInfo.quarterTurns(-Double.parseDouble(tag)) : 0;
    }

    private static long durationMs(JsonNode format, JsonNode picture) {
        Double seconds = seconds(format.path("duration").asString(""));
        if (seconds == null) {
            seconds = seconds(picture.path("duration").asString(""));
        }
        if (seconds == null) {
            seconds = clock(picture.path("tags").path("DURATION").asString(""));
        }
        return seconds == null ? 0 : Math.round(seconds * 1000);
    }

    private static double frameRate(JsonNode picture) {
        double average = ratio(picture.path("avg_frame_rate").asString(""));
        return average > 0 ? average : ratio(picture.path("r_frame_rate").asString(""));
    }

    private static @Nullable Double seconds(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Double clock(String text) {
        Matcher time = CLOCK.matcher(text);
        if (!time.matches()) {
            return null;
        }
        return Long.parseLong(time.group(1)) * 3600
                + Long.parseLong(time.group(2)) * 60
                + Double.parseDouble(time.group(3));
    }

    /** {@code 30000/1001} as 29.97; {@code 0/0} (unknown) as 0. */
    private static double ratio(String text) {
        Matcher ratio = RATIO.matcher(text);
        if (!ratio.matches()) {
            return 0;
        }
        double denominator = Double.parseDouble(ratio.group(2));
        return denominator > 0 ? Double.parseDouble(ratio.group(1)) / denominator : 0;
    }
}
