package app.kadr.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rough timings, run on demand: ./mvnw test -Dtest='app.kadr.media.MediaBenchmarkTest' -Dkadr.media.bench=true */
@EnabledIfSystemProperty(named = "kadr.media.bench", matches = "true")
class MediaBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(MediaBenchmarkTest.class);
    private static final int RUNS = 7;

    @TempDir
    Path dir;

    @Test
    void derivesA24MegapixelJpeg() throws Exception {
        Path original = Fixtures.write(dir, "24mp.jpg", Fixtures.jpeg(Fixtures.photoLike(6000, 4000, 42)));
        ImageProcessor processor = new ImageProcessor();
        long[] times = new long[RUNS];
        ImageDerivatives last = null;
        for (int i = 0; i < RUNS; i++) {
            Path work = Files.createTempDirectory(dir, "work");
            long started = System.nanoTime();
            last = processor.derive(original, work);
            times[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(times);
        log.info(
                "24 MP JPEG ({} KB) derive: median {} ms, min {} ms; thumb {} B, preview {} B; original kept at {}",
                Files.size(original) / 1024,
                times[RUNS / 2],
                times[0],
                Files.size(last.thumb()),
                Files.size(last.preview()),
                original);
        Files.copy(original, Path.of("target", "bench-24mp.jpg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void derivesATenSecondFullHdClip() throws Exception {
        Path clip = dir.resolve("1080p.mp4");
        Fixtures.make(FfmpegCommand.generate("testsrc2=size=1920x1080:rate=30")
                .andGenerate("sine=frequency=440:sample_rate=48000")
                .writeTo(
                        clip,
                        "-t",
                        "10",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        "20",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac"));
        VideoProcessor processor = new VideoProcessor(Toolsets.BUNDLED.runner(), Toolsets.BUNDLED.probe());
        long[] times = new long[3];
        VideoDerivatives last = null;
        for (int i = 0; i < times.length; i++) {
            Path work = Files.createTempDirectory(dir, "work");
            long started = System.nanoTime();
            last = processor.derive(clip, work);
            times[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(times);
        log.info(
                "10 s 1080p clip ({} KB) derive: median {} ms; hover {} B, poster {} B, thumb {} B",
                Files.size(clip) / 1024,
                times[1],
                Files.size(last.hover()),
                Files.size(last.poster()),
                Files.size(last.thumb()));
    }
}
