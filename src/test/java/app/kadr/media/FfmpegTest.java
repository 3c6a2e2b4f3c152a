package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                () -> Ffmpeg.ffprobe(
                        List.of("-v", "error", "/nonexistent/clip.mp4"),
                        Duration.ofSeconds(20),
                        "media.video.unreadable"));

        assertThat(failure.reasonKey()).isEqualTo("media.video.unreadable");
        assertThat(failure.getCause()).hasMessageContaining("No such file or directory");
    }
}
