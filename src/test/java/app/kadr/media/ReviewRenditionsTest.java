package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full-quality files a client reviews, made by the bundled ffmpeg and by the host's: a video keeps its sound and
 * its size up to 1080p, a still its size up to 2560 px, and neither carries a byte of the original's metadata nor the
 * name or settings of the software that made it.
 */
@ParameterizedClass
@MethodSource("app.kadr.media.Toolsets#available")
class ReviewRenditionsTest {

    /** What a generator or an editor leaves in a file, and what ffmpeg and x264 write unless told not to. */
    static final List<String> TECHNICAL =
            List.of("LEAKPROMPT", "LEAKTOOL", "Lavf", "Lavc", "x264", "libx264", "options:", "ffmpeg", "encoder");

    private final Toolsets.Toolset tools;
    private final ReviewRenditions renditions;

    @TempDir
    Path dir;

    ReviewRenditionsTest(Toolsets.Toolset tools) {
        this.tools = tools;
        this.renditions = new ReviewRenditions(tools.runner(), tools.probe());
    }

    @Test
    void aVideoKeepsItsSizeAndSoundAndLosesEveryTechnicalString() throws Exception {
        Path original = source("source.mp4", "1280x720", "1");
        assertThat(contains(Files.readAllBytes(original), "x264")).isTrue();
        assertThat(contains(Files.readAllBytes(original), "LEAKPROMPT")).isTrue();

        ReviewRenditions.Made made = renditions.video(original, dir);

        VideoInfo info = tools.probe().probe(made.file());
        assertThat(made.mimeType()).isEqualTo("video/mp4");
        assertThat(List.of(made.width(), made.height())).containsExactly(1280, 720);
        assertThat(List.of(info.width(), info.height())).containsExactly(1280, 720);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.hasAudio()).isTrue();
        assertThat(loudestSample(made.file()))
                .as("the sound decodes and is not silence")
                .isGreaterThan(1000);
        List<String> boxes = Fixtures.topLevelBoxes(made.file());
        assertThat(boxes.indexOf("moov")).as("faststart").isLessThan(boxes.indexOf("mdat"));
        byte[] bytes = Files.readAllBytes(made.file());
        for (String technical : TECHNICAL) {
            assertThat(contains(bytes, technical))
                    .as("the rendition carries «%s»", technical)
                    .isFalse();
        }
    }

    @Test
    void aLargerVideoShrinksInto1080pKeepingItsShapeEitherWayRound() throws Exception {
        ReviewRenditions.Made wide = renditions.video(source("wide.mp4", "2400x300", "0.3"), dir);
        Path portraitDir = Files.createDirectory(dir.resolve("portrait"));
        ReviewRenditions.Made tall = renditions.video(source("tall.mp4", "1200x2400", "0.3"), portraitDir);

        assertThat(List.of(wide.width(), wide.height())).containsExactly(1920, 240);
        assertThat(List.of(tall.width(), tall.height())).containsExactly(960, 1920);
    }

    @Test
    void aStillIsAtMost2560PxAndCarriesNoTextOfTheOriginal() throws Exception {
        Path original = Fixtures.write(
                dir, "big.png", Fixtures.pngWithText(Fixtures.photoLike(3000, 1500, 7), "LEAKPROMPT seed 42"));
        Path small = Fixtures.write(dir, "small.png", Fixtures.png(Fixtures.photoLike(800, 600, 8)));
        Path work = Files.createDirectory(dir.resolve("work"));

        ReviewRenditions.Made big = renditions.still(original, work);

        assertThat(big.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageProcessorTest.size(big.file())).containsExactly(2560, 1280);
        assertThat(contains(Files.readAllBytes(big.file()), "LEAKPROMPT")).isFalse();
        Path smallWork = Files.createDirectory(dir.resolve("small"));
        assertThat(ImageProcessorTest.size(renditions.still(small, smallWork).file()))
                .as("never enlarged")
                .containsExactly(800, 600);
    }

    /** A clip with a tone, titled and commented as a generator would, encoded by x264 with its defaults. */
    private Path source(String name, String size, String seconds) throws MediaException {
        Path file = dir.resolve(name);
        Fixtures.make(FfmpegCommand.generate("testsrc2=size=" + size + ":rate=24")
                .andGenerate("sine=frequency=440:sample_rate=44100")
                .writeTo(
                        file,
                        "-t",
                        seconds,
                        "-metadata",
                        "title=LEAKPROMPT lama",
                        "-metadata",
                        "comment=LEAKTOOL seed 42",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-f",
                        "mp4"));
        return file;
    }

    /** Decodes the sound to 16-bit PCM and answers its loudest sample. */
    private int loudestSample(Path video) throws Exception {
        Path wav = dir.resolve("sound.raw");
        tools.runner()
                .run(
                        FfmpegCommand.read(video, InputFormat.VIDEO)
                                .writeTo(wav, "-map", "0:a:0", "-c:a", "pcm_s16le", "-f", "s16le"),
                        FfmpegWork.PROBE);
        ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int loudest = 0;
        while (samples.remaining() >= 2) {
            loudest = Math.max(loudest, Math.abs((int) samples.getShort()));
        }
        return loudest;
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - bytes.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
