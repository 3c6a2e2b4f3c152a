package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Reading ffprobe's JSON. The samples in {@code src/test/resources/app/kadr/media/ffprobe/} are what Debian's ffprobe
 * 5.1 printed for {@code -v error -print_format json -show_format -show_streams -i file:…}, captured verbatim, for
 * files the bundled ffmpeg made.
 */
class FfprobeOutputTest {

    @Test
    void readsSizeDurationCodecFrameRateAndAudioOfAnH264Mp4() throws Exception {
        assertThat(FfprobeOutput.parse(sample("h264-aac.mp4.json")))
                .isEqualTo(new VideoInfo(1280, 720, 2000, 0, "h264", "yuv444p", 25, true));
    }

    @Test
    void readsAFractionalFrameRateOfAMutedWebm() throws Exception {
        VideoInfo info = FfprobeOutput.parse(sample("vp8-muted.webm.json"));

        assertThat(info).isEqualTo(new VideoInfo(640, 360, 1001, 0, "vp8", "yuv420p", 30000 / 1001.0, false));
    }

    @Test
    void swapsTheSidesOfAClipTurnedByItsDisplayMatrix() throws Exception {
        VideoInfo info = FfprobeOutput.parse(sample("h264-rotated-90.mov.json"));

        assertThat(info.rotation()).isEqualTo(90);
        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
    }

    @Test
    void turnsByAnOldRotateTagWhenThereIsNoMatrix() throws Exception {
        String tagOnly = sample("h264-aac.mp4.json")
                .replace(
                        "\"handler_name\": \"VideoHandler\",",
                        "\"rotate\": \"270\", \"handler_name\": \"VideoHandler\",");

        VideoInfo info = FfprobeOutput.parse(tagOnly);

        assertThat(tagOnly).contains("\"rotate\": \"270\"").doesNotContain("side_data_list");
        assertThat(info.rotation())
                .as("the tag's 270° clockwise is the matrix's 90° counter-clockwise")
                .isEqualTo(90);
        assertThat(info.width()).isEqualTo(720);
    }

    @Test
    void takesNoDurationAsZero() throws Exception {
        String live = sample("vp8-live-no-duration.webm.json");

        assertThat(live).doesNotContainIgnoringCase("duration");
        assertThat(FfprobeOutput.parse(live).durationMs()).isZero();
    }

    @Test
    void fallsBackToTheStreamDurationTag() throws Exception {
        String tagOnly = sample("vp8-live-no-duration.webm.json")
                .replace("\"ENCODER\": \"Lavc58.134.100 libvpx\"", "\"DURATION\": \"00:01:02.500000000\"");

        assertThat(FfprobeOutput.parse(tagOnly).durationMs()).isEqualTo(62_500);
    }

    @Test
    void refusesAudioOnlyAsHavingNoPicture() {
        assertRefused(() -> FfprobeOutput.parse(sample("aac-only.m4a.json")), "media.video.no_stream");
    }

    @Test
    void doesNotTakeACoverPictureForAVideo() throws Exception {
        assertThat(sample("aac-with-cover.m4a.json")).contains("\"codec_type\": \"video\"", "\"attached_pic\": 1");

        assertRefused(() -> FfprobeOutput.parse(sample("aac-with-cover.m4a.json")), "media.video.no_stream");
    }

    @Test
    void refusesAPictureWithoutASize() throws Exception {
        String noSize =
                sample("h264-aac.mp4.json").replace("\"width\": 1280,", "").replace("\"height\": 720,", "");

        assertRefused(() -> FfprobeOutput.parse(noSize), "media.video.unreadable");
    }

    @Test
    void refusesWhatIsNotFfprobesJson() {
        assertRefused(() -> FfprobeOutput.parse("{\n\n}"), "media.video.unreadable");
        assertRefused(() -> FfprobeOutput.parse("{\"streams\": [{\"codec_type\": "), "media.video.unreadable");
        assertRefused(() -> FfprobeOutput.parse("<html>"), "media.video.unreadable");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = FfprobeOutputTest.class.getResourceAsStream("ffprobe/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
