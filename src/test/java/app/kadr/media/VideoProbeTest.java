package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against clips the bundled ffmpeg has just made. */
class VideoProbeTest {

    @TempDir
    static Path clips;

    private static Path mp4;

    @BeforeAll
    static void makeClip() throws MediaException {
        mp4 = Fixtures.clip(
                clips, "clip.mp4", 2, List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "mp4"));
    }

    @Test
    void probesAnH264Mp4WithSound() throws MediaException {
        VideoProbe.Info info = VideoProbe.probe(mp4);

        assertThat(info).isEqualTo(new VideoProbe.Info(1280, 720, 2000, "h264", true));
    }

    @Test
    void probesAMutedVp8Webm() throws MediaException {
        Path webm = Fixtures.clip(
                clips, "clip.webm", 1, List.of("-c:v", "libvpx", "-deadline", "realtime", "-an", "-f", "webm"));

        VideoProbe.Info info = VideoProbe.probe(webm);

        assertThat(info.codec()).isEqualTo("vp8");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.durationMs()).isBetween(950L, 1100L);
    }

    @Test
    void reportsAQuarterTurnedClipUpright() throws MediaException {
        Path turned = clips.resolve("turned.mov");
        Ffmpeg.ffmpeg(
                List.of(
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        mp4.toString(),
                        "-c",
                        "copy",
                        "-metadata:s:v:0",
                        "rotate=90",
                        "-y",
                        turned.toString()),
                Duration.ofMinutes(1),
                "media.processing.failed");

        VideoProbe.Info info = VideoProbe.probe(turned);

        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
    }

    @Test
    void refusesAnAudioOnlyM4a() throws MediaException {
        Path m4a = Fixtures.soundOnly(clips, "sound.m4a", List.of());

        assertRefused(() -> VideoProbe.probe(m4a), "media.video.no_stream");
    }

    @Test
    void refusesAMissingFileAsUnreadable() {
        assertRefused(() -> VideoProbe.probe(clips.resolve("missing.mp4")), "media.video.unreadable");
    }
}
