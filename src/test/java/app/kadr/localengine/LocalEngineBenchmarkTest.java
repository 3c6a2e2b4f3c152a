package app.kadr.localengine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rough timings and sample outputs in target/localengine, run on demand: ./mvnw test
 * -Dtest='app.kadr.localengine.LocalEngineBenchmarkTest' -Dkadr.localengine.bench=true
 */
@EnabledIfSystemProperty(named = "kadr.localengine.bench", matches = "true")
class LocalEngineBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(LocalEngineBenchmarkTest.class);
    private static final int RUNS = 5;
    private static final Path SAMPLES = Path.of("target", "localengine");

    private final LocalEngine engine = new LocalEngine(app.kadr.media.FfmpegRunner.withBundledFfmpeg());

    @TempDir
    Path dir;

    /** A timed step that returns the file it made. */
    private interface Step {
        Path run() throws Exception;
    }

    @Test
    void timesTheThreeTasks() throws Exception {
        Path draft =
                median("draft 1024x1024", () -> engine.draft(new DraftRequest("закат над морем", 1, 1024, 1024), dir));
        median("animate 5 s 1280x720 24 fps", () -> engine.animate(new AnimateRequest(draft, 1, 5), dir));
        median("upscale 2x of 1024x1024", () -> engine.upscale(new UpscaleRequest(draft, 2), dir));
    }

    @Test
    void writesSampleDrafts() throws Exception {
        Files.createDirectories(SAMPLES);
        List<String> prompts = List.of(
                "девушка идёт по полю",
                "ночь в городе",
                "закат над морем",
                "зимний лес",
                "караван в пустыне",
                "утро в лесу",
                "лунная ночь на озере",
                "улица");
        for (int i = 0; i < prompts.size(); i++) {
            for (long seed = 1; seed <= 2; seed++) {
                Path draft = engine.draft(new DraftRequest(prompts.get(i), seed, 640, 360), dir);
                Files.copy(
                        draft,
                        SAMPLES.resolve("draft-" + i + "-" + seed + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path still = engine.draft(new DraftRequest("закат над морем", 1, 1024, 1024), dir);
        Files.copy(
                engine.animate(new AnimateRequest(still, 1, 5), dir),
                SAMPLES.resolve("clip.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Path median(String what, Step step) throws Exception {
        long[] times = new long[RUNS];
        Path last = null;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            last = step.run();
            times[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(times);
        log.info("{}: median {} ms, min {} ms, {} KB", what, times[RUNS / 2], times[0], Files.size(last) / 1024);
        return last;
    }
}
