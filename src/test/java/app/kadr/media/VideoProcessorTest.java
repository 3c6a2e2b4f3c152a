package app.kadr.media;

import static app.kadr.media.ImageProcessorTest.size;
import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Derivatives of clips the bundled ffmpeg has just made, by the bundled ffmpeg and by the host's one. */
@ParameterizedClass
@MethodSource("app.kadr.media.Toolsets#available")
class VideoProcessorTest {

    private static final List<String> H264_WITH_AUDIO =
            List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mp4");

    @TempDir
    static Path clips;

    private static Path mp4;

    private final Toolsets.Toolset tools;
    private final VideoProcessor processor;
    private final VideoProbe probe;

    @TempDir
    Path dir;

    VideoProcessorTest(Toolsets.Toolset tools) {
        this.tools = tools;
        this.processor = new VideoProcessor(tools.runner(), tools.probe());
        this.probe = tools.probe();
    }

    @BeforeAll
    static void makeClip() throws MediaException {
        mp4 = Fixtures.clip(clips, "clip.mp4", 8, H264_WITH_AUDIO);
    }

    @Test
    void derivesPosterThumbAndSizes() throws Exception {
        VideoDerivatives result = processor.derive(mp4, dir);

        assertThat(result.width()).isEqualTo(1280);
        assertThat(result.height()).isEqualTo(720);
        assertThat(result.durationMs()).isBetween(7900L, 8100L);
        assertThat(size(result.poster())).containsExactly(1280, 720);
        assertThat(size(result.thumb())).containsExactly(320, 180);
        assertThat(result.posterMimeType()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(result.thumbhash())).isNotEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("poster.jpg", "thumb.jpg", "hover.mp4");
        }
    }

    @Test
    void makesASmallMutedFaststartH264HoverClip() throws Exception {
        Path hover = processor.derive(mp4, dir).hover();

        VideoInfo info = probe.probe(hover);
        assertThat(info.width()).isLessThanOrEqualTo(480);
        assertThat(info.width() % 2).isZero();
        assertThat(info.height() % 2).isZero();
        assertThat(info.durationMs()).isLessThanOrEqualTo(6100);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.hasAudio()).isFalse();
        assertThat(Files.size(hover)).isLessThanOrEqualTo(400 * 1024);
        List<String> boxes = Fixtures.topLevelBoxes(hover);
        assertThat(boxes).contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
        byte[] bytes = Files.readAllBytes(hover);
        for (String software : List.of("Lavf", "Lavc", "x264")) {
            assertThat(ReviewRenditionsTest.contains(bytes, software))
                    .as("a client receives the hover clip: no «%s»", software)
                    .isFalse();
        }
    }

    @Test
    void handlesAClipShorterThanASecond() throws Exception {
        Path mov = Fixtures.clip(
                dir, "short.mov", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-t", "0.4", "-f", "mov"));
        Path work = Files.createDirectory(dir.resolve("work"));

        VideoDerivatives result = processor.derive(mov, work);

        assertThat(size(result.poster())).containsExactly(1280, 720);
        assertThat(result.durationMs()).isLessThan(1000);
    }

    @Test
    void stopsAPreviewPastItsTimeLimitAndSaysWhichLimit() throws Exception {
        MediaToolSettings oneMillisecond = MediaToolSettings.defaults()
                .withLimits(2, Duration.ofSeconds(30), Duration.ofMillis(1), Duration.ofMinutes(30));
        VideoProcessor hurried =
                new VideoProcessor(new FfmpegRunner(tools.runner().binaries(), oneMillisecond), probe);

        MediaException refusal = catchThrowableOfType(MediaException.class, () -> hurried.derive(mp4, dir));

        assertThat(refusal.reasonKey()).isEqualTo("media.video.timed_out");
        assertThat(refusal.args()).containsExactly("1 мс");
    }

    @Test
    void refusesRandomBytesAfterAValidFtypHeader() throws Exception {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(mp4), 32);
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(11).nextBytes(noise);
        Path broken = Fixtures.write(dir, "broken.mp4", Fixtures.concat(head, noise));

        assertRefused(
                () -> processor.derive(broken, Files.createDirectory(dir.resolve("w"))), "media.video.unreadable");
    }

    @Test
    void refusesATruncatedClip() throws Exception {
        byte[] bytes = Files.readAllBytes(mp4);
        Path cut = Fixtures.write(dir, "cut.mp4", java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertRefused(() -> processor.derive(cut, Files.createDirectory(dir.resolve("w"))), "media.video.unreadable");
    }
}
