package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {

    private static final long MAX_PIXELS = 50_000_000;

    private final MediaInspector inspector = new MediaInspector(Toolsets.BUNDLED.probe());

    @TempDir
    Path dir;

    @Test
    void recognisesAJpegNamedAsText() throws Exception {
        Path file = Fixtures.write(dir, "notes.txt", Fixtures.jpeg(Fixtures.photoLike(64, 48, 1)));

        assertThat(inspector.inspect(file, MAX_PIXELS))
                .isEqualTo(new DetectedMedia(MediaKind.IMAGE, "image/jpeg", "jpg"));
    }

    @Test
    void recognisesPngGifAndWebp() throws Exception {
        Path png = Fixtures.write(dir, "a", Fixtures.png(Fixtures.photoLike(32, 32, 2)));
        Path gif = Fixtures.write(dir, "b", Fixtures.animatedGif(List.of(java.awt.Color.RED), 8, 8));
        Path webp = dir.resolve("c");
        Fixtures.make(FfmpegCommand.generate("color=c=red:s=16x16")
                .writeTo(webp, "-frames:v", "1", "-c:v", "libwebp", "-f", "webp"));

        assertThat(inspector.inspect(png, MAX_PIXELS).mimeType()).isEqualTo("image/png");
        assertThat(inspector.inspect(gif, MAX_PIXELS).extension()).isEqualTo("gif");
        assertThat(inspector.inspect(webp, MAX_PIXELS))
                .isEqualTo(new DetectedMedia(MediaKind.IMAGE, "image/webp", "webp"));
    }

    @Test
    void refusesATextFileNamedDotJpg() throws Exception {
        Path file = Fixtures.write(dir, "photo.jpg", "just some words\n".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> inspector.inspect(file, MAX_PIXELS), "media.unsupported");
    }

    @Test
    void refusesPdfAndSvg() throws Exception {
        Path pdf =
                Fixtures.write(dir, "a.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        Path svg = Fixtures.write(dir, "b.svg", """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
                """.getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> inspector.inspect(pdf, MAX_PIXELS), "media.unsupported");
        assertRefused(() -> inspector.inspect(svg, MAX_PIXELS), "media.unsupported");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = Fixtures.write(dir, "empty.png", new byte[0]);

        assertRefused(() -> inspector.inspect(file, MAX_PIXELS), "media.empty");
    }

    @Test
    void refusesAnImageHeaderClaimingTooManyPixelsWithoutDecoding() throws Exception {
        Path file = Fixtures.write(dir, "bomb.png", Fixtures.pngHeaderOnly(20_000, 20_000));

        MediaException refusal = assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> catchMedia(() -> inspector.inspect(file, MAX_PIXELS)));

        assertThat(refusal.reasonKey()).isEqualTo("media.image.too_many_pixels");
        assertThat(refusal.args()).containsExactly(400.0, 50.0);
    }

    @Test
    void refusesATruncatedPng() throws Exception {
        byte[] png = Fixtures.png(Fixtures.photoLike(32, 32, 3));
        Path file = Fixtures.write(dir, "cut.png", java.util.Arrays.copyOf(png, 20));

        assertRefused(() -> inspector.inspect(file, MAX_PIXELS), "media.image.unreadable");
    }

    @Test
    void refusesAJpegCutShortThatADecoderWouldFillWithGrey() throws Exception {
        byte[] jpeg = Fixtures.jpeg(Fixtures.photoLike(1600, 900, 4));
        Path whole = Fixtures.write(dir, "whole.jpg", jpeg);
        Path cut = Fixtures.write(dir, "cut.jpg", java.util.Arrays.copyOf(jpeg, 4096));

        assertThat(inspector.inspect(whole, MAX_PIXELS).mimeType()).isEqualTo("image/jpeg");
        assertRefused(() -> inspector.inspect(cut, MAX_PIXELS), "media.image.damaged");
    }

    @Test
    void refusesAPngCutInsideItsPixelsOrBeforeItsEnd() throws Exception {
        byte[] png = Fixtures.png(Fixtures.photoLike(400, 300, 5));
        Path halfPixels = Fixtures.write(dir, "half.png", java.util.Arrays.copyOf(png, png.length / 2));
        Path noEnd = Fixtures.write(dir, "noend.png", java.util.Arrays.copyOf(png, png.length - 12));

        assertRefused(() -> inspector.inspect(halfPixels, MAX_PIXELS), "media.image.damaged");
        assertRefused(() -> inspector.inspect(noEnd, MAX_PIXELS), "media.image.damaged");
    }

    @Test
    void refusesALosslessWebpCutShortThoughItDecodesWithoutAWarning() throws Exception {
        Path webp = dir.resolve("whole.webp");
        Fixtures.make(FfmpegCommand.generate("testsrc2=s=640x360")
                .writeTo(webp, List.of("-frames:v", "1", "-c:v", "libwebp", "-lossless", "1", "-f", "webp")));
        byte[] bytes = java.nio.file.Files.readAllBytes(webp);
        Path cut = Fixtures.write(dir, "cut.webp", java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));

        assertThat(inspector.inspect(webp, MAX_PIXELS).mimeType()).isEqualTo("image/webp");
        assertRefused(() -> inspector.inspect(cut, MAX_PIXELS), "media.image.damaged");
    }

    @Test
    void recognisesMp4MovAndWebmByContent() throws Exception {
        Path mp4 = Fixtures.clip(dir, "a.mp4", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4"));
        Path mov = Fixtures.clip(dir, "b.mp4", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-f", "mov"));
        Path webm = Fixtures.clip(
                dir,
                "c.mov",
                1,
                List.of("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-f", "webm"));

        assertThat(inspector.inspect(mp4, MAX_PIXELS))
                .isEqualTo(new DetectedMedia(MediaKind.VIDEO, "video/mp4", "mp4"));
        assertThat(inspector.inspect(mov, MAX_PIXELS))
                .isEqualTo(new DetectedMedia(MediaKind.VIDEO, "video/quicktime", "mov"));
        assertThat(inspector.inspect(webm, MAX_PIXELS))
                .isEqualTo(new DetectedMedia(MediaKind.VIDEO, "video/webm", "webm"));
    }

    @Test
    void refusesPlainMatroska() throws Exception {
        Path mkv = Fixtures.clip(
                dir,
                "a.webm",
                1,
                List.of("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-an", "-f", "matroska"));

        assertRefused(() -> inspector.inspect(mkv, MAX_PIXELS), "media.unsupported");
    }

    @Test
    void refusesAudioWithoutPicture() throws Exception {
        Path audio = Fixtures.soundOnly(dir, "sound.mp4", List.of("-f", "mp4", "-brand", "isom"));

        assertRefused(() -> inspector.inspect(audio, MAX_PIXELS), "media.video.no_stream");
    }

    @Test
    void refusesRandomBytesAfterAValidFtypHeader() throws Exception {
        byte[] ftyp = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Path file = Fixtures.write(dir, "broken.mp4", Fixtures.concat(ftyp, noise));

        assertRefused(() -> inspector.inspect(file, MAX_PIXELS), "media.video.unreadable");
    }

    static void assertRefused(ThrowingCallable call, String reasonKey) {
        assertThatThrownBy(call)
                .isInstanceOf(MediaException.class)
                .extracting(e -> ((MediaException) e).reasonKey())
                .isEqualTo(reasonKey);
    }

    private static MediaException catchMedia(ThrowingCallable call) {
        try {
            call.call();
        } catch (MediaException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError("expected a MediaException", e);
        }
        throw new AssertionError("expected a MediaException");
    }
}
