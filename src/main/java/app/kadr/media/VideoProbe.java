package app.kadr.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What ffprobe says about a video's main picture stream. */
final class VideoProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param width as displayed, after rotation
     * @param height as displayed, after rotation
     * @param durationMs 0 when the container does not say
     * @param codec the picture codec, e.g. h264
     * @param hasAudio whether any audio stream is present
     */
    record Info(int width, int height, long durationMs, String codec, boolean hasAudio) {}

    private VideoProbe() {}

    static Info probe(Path file) throws MediaException {
        Ffmpeg.Result result = Ffmpeg.ffprobe(
                List.of(
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        file.toAbsolutePath().toString()),
                TIMEOUT,
                "media.video.unreadable");
        JsonNode root;
        try {
            root = JSON.readTree(result.stdout());
        } catch (JacksonException e) {
            throw new MediaException("media.video.unreadable", e);
        }
        JsonNode picture = null;
        boolean hasAudio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            if ("audio".equals(type)) {
                hasAudio = true;
            } else if ("video".equals(type)
                    && picture == null
                    // a cover picture (e.g. in an .m4a) is not a video
                    && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
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
        boolean sideways = Math.abs(rotation(picture)) % 180 == 90;
        return new Info(
                sideways ? height : width,
                sideways ? width : height,
                durationMs(root.path("format"), picture),
                picture.path("codec_name").asString(""),
                hasAudio);
    }

    /** Phones record upright video as landscape frames plus a display matrix that turns them. */
    private static int rotation(JsonNode stream) {
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return sideData.path("rotation").asInt(0);
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static long durationMs(JsonNode format, JsonNode stream) {
        double seconds = format.path("duration").asDouble(0);
        if (seconds <= 0) {
            seconds = stream.path("duration").asDouble(0);
        }
        return Math.round(seconds * 1000);
    }
}
