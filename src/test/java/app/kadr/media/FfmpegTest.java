package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

    @Test
    void killsAProcessThatRunsPastItsTimeout() {
        long started = System.nanoTime();

        // An endless generated input: only the timeout can stop it.
        assertRefused(
                () -> Ffmpeg.ffmpeg(
                        List.of("-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc", "-f", "null", "-"),
                        Duration.ofMillis(700),
                        "media.video.unreadable"),
                "media.processing.failed");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void putsTheTailOfStderrInTheCause() {
        MediaException failure = catchThrowableOfType(
                MediaException.class,
                () -> Ffmpeg.ffmpeg(
                        List.of("-v", "error", "-i", "/nonexistent/clip.mp4", "-f", "null", "-"),
                        Duration.ofSeconds(20),
                        "media.video.unreadable"));

        assertThat(failure.reasonKey()).isEqualTo("media.video.unreadable");
        assertThat(failure.getCause()).hasMessageContaining("No such file or directory");
    }

    @Test
    void describesAnInputEvenThoughFfmpegExitsWithoutAnOutput(@TempDir Path dir) throws MediaException {
        Path clip = Fixtures.clip(dir, "a.mp4", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));

        String description = Ffmpeg.describeInput(clip, Duration.ofSeconds(20));

        assertThat(description)
                .contains("Input #0", "Video: h264", "Audio: aac", "At least one output file must be specified");
    }

    @Test
    void hasEveryEncoderTheStudioAndItsTestsUse() throws MediaException {
        String encoders = new String(
                Ffmpeg.ffmpeg(List.of("-hide_banner", "-encoders"), Duration.ofSeconds(20), "media.processing.failed")
                        .stdout(),
                StandardCharsets.UTF_8);

        assertThat(encoders.lines().map(line -> line.strip().split("\\s+")).filter(words -> words.length > 1))
                .extracting(words -> words[1])
                .contains("libx264", "libvpx", "libvpx-vp9", "libwebp", "aac", "libopus", "bmp", "mjpeg");
    }
}
