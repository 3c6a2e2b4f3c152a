package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The probe against clips the bundled ffmpeg has just made: read by the bundled ffmpeg and by the host's ffprobe. */
@ParameterizedClass
@MethodSource("app.kadr.media.Toolsets#available")
class VideoProbeTest {

    @TempDir
    static Path clips;

    private static Path mp4;

    private final VideoProbe probe;

    VideoProbeTest(Toolsets.Toolset tools) {
        this.probe = tools.probe();
    }

    @BeforeAll
    static void makeClip() throws MediaException {
        mp4 = Fixtures.clip(
                clips,
                "clip.mp4",
                2,
                List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mp4"));
    }

    @Test
    void probesAnH264Mp4WithSound() throws MediaException {
        VideoInfo info = probe.probe(mp4);

        assertThat(info).isEqualTo(new VideoInfo(1280, 720, 2000, 0, "h264", "yuv420p", 25, true));
    }

    @Test
    void probesAMutedVp8Webm() throws MediaException {
        Path webm = Fixtures.clip(
                clips, "clip.webm", 1, List.of("-c:v", "libvpx", "-deadline", "realtime", "-an", "-f", "webm"));

        VideoInfo info = probe.probe(webm);

        assertThat(info.codec()).isEqualTo("vp8");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.durationMs()).isBetween(950L, 1100L);
        assertThat(info.frameRate()).isEqualTo(25);
    }

    @Test
    void reportsAQuarterTurnedClipUpright() throws MediaException {
        Path turned = clips.resolve("turned.mov");
        Fixtures.make(FfmpegCommand.read(mp4, InputFormat.VIDEO)
                .writeTo(turned, "-c", "copy", "-metadata:s:v:0", "rotate=90"));

        VideoInfo info = probe.probe(turned);

        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
        assertThat(info.rotation()).isEqualTo(90);
    }

    @Test
    void refusesAnAudioOnlyM4a() throws MediaException {
        Path m4a = Fixtures.soundOnly(clips, "sound.m4a", List.of());

        assertRefused(() -> probe.probe(m4a), "media.video.no_stream");
    }

    @Test
    void refusesAMissingFileAsUnreadable() {
        assertRefused(() -> probe.probe(clips.resolve("missing.mp4")), "media.video.unreadable");
    }

    @Test
    void refusesATruncatedMp4AsUnreadable() throws Exception {
        byte[] bytes = Files.readAllBytes(mp4);
        Path cut = Fixtures.write(clips, "cut.mp4", java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertRefused(() -> probe.probe(cut), "media.video.unreadable");
    }

    /**
     * An HLS playlist would have ffmpeg open every file or address it lists; only the MP4, MOV and WebM demuxers may
     * read an upload. The segment is a real video, so without that guard the probe would succeed.
     */
    @Test
    void refusesAPlaylistDressedAsAnMp4() throws Exception {
        Path segment = Fixtures.clip(
                clips, "segment.ts", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-an", "-f", "mpegts"));
        Path playlist = Fixtures.write(
                clips, "playlist.mp4", """
                #EXTM3U
                #EXT-X-TARGETDURATION:1
                #EXTINF:1,
                %s
                #EXT-X-ENDLIST
                """.formatted(segment.toAbsolutePath()).getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> probe.probe(playlist), "media.video.unreadable");
    }
}
