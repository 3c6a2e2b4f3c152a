package app.kadr.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.media.MediaToolSettings;
import app.kadr.media.VideoInfo;
import app.kadr.media.VideoProbe;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEngineTest {

    private static final FfmpegRunner FFMPEG = FfmpegRunner.withBundledFfmpeg();

    private final LocalEngine engine = new LocalEngine(FFMPEG);

    @TempDir
    Path dir;

    @Test
    void theSameSeedAndPromptGiveTheSameImage() throws Exception {
        DraftRequest request = new DraftRequest("Закат над морем, лодка у берега", 42, 320, 200, "люди");

        Path first = engine.draft(request, dir.resolve("a"));
        Path second = engine.draft(request, dir.resolve("b"));

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedGivesAnotherImage() throws Exception {
        BufferedImage seven = read(engine.draft(new DraftRequest("дорога в поле", 7, 256, 256), dir));
        BufferedImage eight = read(engine.draft(new DraftRequest("дорога в поле", 8, 256, 256), dir));
        BufferedImage otherWords = read(engine.draft(new DraftRequest("дорога в лесу", 7, 256, 256), dir));

        assertThat(meanDifference(seven, eight)).isGreaterThan(8);
        assertThat(meanDifference(seven, otherWords)).isGreaterThan(8);
    }

    @Test
    void theImageHasTheRequestedSize() throws Exception {
        for (int[] size : List.of(new int[] {64, 64}, new int[] {1280, 720}, new int[] {333, 1001})) {
            BufferedImage image = read(engine.draft(new DraftRequest("город", 1, size[0], size[1]), dir));

            assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(size);
        }
    }

    @Test
    void nightPromptsAreDarkerThanDayPrompts() throws Exception {
        for (String place : List.of("в городе", "в лесу", "на море", "в снегу")) {
            double night = meanLuminanceOverSeeds("ночь " + place);
            double day = meanLuminanceOverSeeds("солнечный день " + place);

            assertThat(night).as(place).isLessThan(day * 0.6);
        }
    }

    @Test
    void aWordInTheNegativePromptIsNotDrawn() throws Exception {
        double asked = meanLuminanceOverSeeds("ночь в лесу");
        double avoided = meanLuminance(read(engine.draft(new DraftRequest("ночь в лесу", 1, 128, 128, "ночь"), dir)));

        assertThat(avoided).isGreaterThan(asked * 1.5);
    }

    @Test
    void refusesSizesOutsideTheRange() {
        for (int[] size : List.of(new int[] {63, 512}, new int[] {512, 4097}, new int[] {0, 0}, new int[] {-5, 100})) {
            assertRefused(
                    () -> engine.draft(new DraftRequest("поле", 1, size[0], size[1]), dir),
                    "localengine.size.invalid",
                    64,
                    4096);
        }
        assertRefused(
                () -> engine.animate(new AnimateRequest(dir.resolve("none.png"), 1, 2, 5000, 720, 24), dir),
                "localengine.size.invalid",
                64,
                4096);
    }

    @Test
    void refusesDurationsAndFrameRatesOutsideTheRange() throws Exception {
        Path still = engine.draft(new DraftRequest("поле", 1, 256, 256), dir);

        for (double seconds : new double[] {0.5, 10.5, Double.NaN}) {
            assertRefused(
                    () -> engine.animate(new AnimateRequest(still, 1, seconds), dir),
                    "localengine.duration.invalid",
                    1,
                    10);
        }
        assertRefused(
                () -> engine.animate(new AnimateRequest(still, 1, 2, 640, 360, 0), dir),
                "localengine.fps.invalid",
                1,
                60);
    }

    @Test
    void animatesAStillIntoAnH264ClipOfTheRequestedLength() throws Exception {
        Path still = engine.draft(new DraftRequest("рассвет в горах", 3, 800, 600), dir);

        Path clip = engine.animate(new AnimateRequest(still, 3, 3, 640, 360, 24), dir);

        VideoInfo probe = probe(clip);
        assertThat(probe.durationMs()).isCloseTo(3000, org.assertj.core.data.Offset.offset(200L));
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.pixelFormat()).isEqualTo("yuv420p");
        assertThat(new int[] {probe.width(), probe.height()}).containsExactly(640, 360);
        assertThat(probe.hasAudio()).isFalse();
        assertThat(topLevelBoxes(clip)).containsSubsequence("moov", "mdat");
    }

    @Test
    void roundsOddSizesDownToEvenOnes() throws Exception {
        Path still = engine.draft(new DraftRequest("поле", 5, 300, 300), dir);

        Path clip = engine.animate(new AnimateRequest(still, 5, 1, 321, 199, 12), dir);

        VideoInfo probe = probe(clip);
        assertThat(new int[] {probe.width(), probe.height()}).containsExactly(320, 198);
    }

    @Test
    void theCameraMoves() throws Exception {
        Path still = write("grid.png", grid(900, 700));

        Path clip = engine.animate(new AnimateRequest(still, 11, 2, 480, 270, 24), dir);

        BufferedImage first = frame(FfmpegCommand.read(clip, InputFormat.VIDEO), "first.png", "-frames:v", "1");
        BufferedImage last =
                frame(FfmpegCommand.read(clip, InputFormat.VIDEO, "-sseof", "-0.2"), "last.png", "-update", "1");
        assertThat(meanDifference(first, last)).isGreaterThan(10);
    }

    @Test
    void differentSeedsMoveTheCameraDifferently() {
        List<CameraMove> moves = LongStream.range(0, 20)
                .mapToObj(CameraMove::fromSeed)
                .distinct()
                .toList();

        assertThat(moves).hasSize(20);
        assertThat(moves).anyMatch(move -> move.zoomTo() > move.zoomFrom());
        assertThat(moves).anyMatch(move -> move.zoomTo() < move.zoomFrom());
        assertThat(CameraMove.fromSeed(4)).isEqualTo(CameraMove.fromSeed(4));
    }

    @Test
    void upscalesByTheFactor() throws Exception {
        Path still = engine.draft(new DraftRequest("снег", 9, 300, 200), dir);

        BufferedImage twice = read(engine.upscale(new UpscaleRequest(still, 2), dir));
        BufferedImage fourTimes = read(engine.upscale(new UpscaleRequest(still, 4), dir));

        assertThat(new int[] {twice.getWidth(), twice.getHeight()}).containsExactly(600, 400);
        assertThat(new int[] {fourTimes.getWidth(), fourTimes.getHeight()}).containsExactly(1200, 800);
        assertThat(meanDifference(read(still), shrunk(twice, 300, 200))).isLessThan(4);
    }

    @Test
    void refusesAnUpscaleBeyondTheLimit() throws Exception {
        Path still = engine.draft(new DraftRequest("море", 1, 2100, 100), dir);

        assertRefused(
                () -> engine.upscale(new UpscaleRequest(still, 4), dir),
                "localengine.upscale.too_large",
                8400L,
                400L,
                8192);
        assertRefused(
                () -> engine.upscale(new UpscaleRequest(still, 3), dir), "localengine.upscale.factor_invalid", 2, 4);
    }

    @Test
    void refusesAnUnreadableSource() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture", StandardCharsets.UTF_8);
        Path missing = dir.resolve("missing.png");

        for (Path source : List.of(text, missing, dir)) {
            assertRefused(() -> engine.upscale(new UpscaleRequest(source, 2), dir), "localengine.source.unreadable");
            assertRefused(() -> engine.animate(new AnimateRequest(source, 1, 2), dir), "localengine.source.unreadable");
        }
    }

    @Test
    void writesOnlyInsideTheWorkFolder() throws Exception {
        Path work = dir.resolve("work");
        Path still = engine.draft(new DraftRequest("поле", 1, 128, 128), work);
        Path clip = engine.animate(new AnimateRequest(still, 1, 1, 128, 128, 8), work);
        Path upscaled = engine.upscale(new UpscaleRequest(still, 2), work);

        try (Stream<Path> everything = Files.list(dir)) {
            assertThat(everything).containsExactly(work);
        }
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactlyInAnyOrder(still, clip, upscaled);
        }
    }

    @Test
    void stopsARenderPastItsTimeLimitAndSaysWhichLimit() throws Exception {
        Path still = engine.draft(new DraftRequest("рассвет в горах", 3, 800, 600), dir);
        MediaToolSettings oneMillisecond =
                new MediaToolSettings("", "", 2, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMillis(1));
        LocalEngine hurried = new LocalEngine(FfmpegRunner.withBundledFfmpeg(oneMillisecond));

        assertRefused(
                () -> hurried.animate(new AnimateRequest(still, 3, 3, 640, 360, 24), dir),
                LocalEngine.TIMED_OUT,
                "1 мс");
    }

    @Test
    void everyReasonHasARussianText() throws IOException {
        java.util.Properties bundle = new java.util.Properties();
        try (var in = Files.newBufferedReader(
                Path.of("src/main/resources/messages/localengine.properties"), StandardCharsets.UTF_8)) {
            bundle.load(in);
        }

        assertThat(bundle.stringPropertyNames())
                .contains(
                        LocalEngine.SIZE_INVALID,
                        LocalEngine.DURATION_INVALID,
                        LocalEngine.FPS_INVALID,
                        LocalEngine.SOURCE_UNREADABLE,
                        LocalEngine.UPSCALE_FACTOR_INVALID,
                        LocalEngine.UPSCALE_TOO_LARGE,
                        LocalEngine.FAILED,
                        LocalEngine.TIMED_OUT);
    }

    private double meanLuminanceOverSeeds(String prompt) throws Exception {
        double sum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            sum += meanLuminance(read(engine.draft(new DraftRequest(prompt, seed, 128, 128), dir)));
        }
        return sum / 5;
    }

    private static void assertRefused(ThrowingCallable call, String reasonKey, Object... args) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LocalEngineException.class, e -> {
            assertThat(e.reasonKey()).isEqualTo(reasonKey);
            assertThat(e.args()).containsExactly(args);
        });
    }

    private static VideoInfo probe(Path clip) throws Exception {
        return VideoProbe.of(FFMPEG).probe(clip);
    }

    /** The MP4 boxes in file order; "moov" before "mdat" lets a browser start playing before the whole file loads. */
    private static List<String> topLevelBoxes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> boxes = new java.util.ArrayList<>();
        for (long at = 0; at + 8 <= bytes.length; ) {
            int offset = (int) at;
            long size = ((bytes[offset] & 0xFFL) << 24)
                    | ((bytes[offset + 1] & 0xFFL) << 16)
                    | ((bytes[offset + 2] & 0xFFL) << 8)
                    | (bytes[offset + 3] & 0xFFL);
            boxes.add(new String(bytes, offset + 4, 4, StandardCharsets.US_ASCII));
            if (size < 8) {
                break;
            }
            at += size;
        }
        return boxes;
    }

    /** Saves one frame as PNG: the first one with "-frames:v 1", the last one read with "-update 1". */
    private BufferedImage frame(FfmpegCommand input, String name, String... frameChoice) throws Exception {
        Path out = dir.resolve(name);
        FFMPEG.run(input.writeTo(out, frameChoice), FfmpegWork.RENDER);
        return read(out);
    }

    private Path write(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A coloured chequerboard: any movement of the camera changes most of its pixels. */
    private static BufferedImage grid(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int cell = 25;
        for (int y = 0; y < height; y += cell) {
            for (int x = 0; x < width; x += cell) {
                boolean dark = ((x + y) / cell) % 2 == 0;
                g.setColor(dark ? new Color(20, 30, 60) : new Color(230, 200, 120 + (x * 100 / width)));
                g.fillRect(x, y, cell, cell);
            }
        }
        g.dispose();
        return image;
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        return image;
    }

    private static BufferedImage shrunk(BufferedImage image, int width, int height) {
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return small;
    }

    private static double meanLuminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += luminance(image.getRGB(x, y));
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }

    /** Mean absolute difference of luminance, 0..255, of two images of the same size. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(luminance(a.getRGB(x, y)) - luminance(b.getRGB(x, y)));
            }
        }
        return sum / ((double) a.getWidth() * a.getHeight());
    }

    private static double luminance(int rgb) {
        return 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
    }
}
