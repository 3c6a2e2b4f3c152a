package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Studio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How close the generation engine comes to the best possible drain: N jobs against a fal queue whose every
 * request takes a known time, with a provider limit L, can at best end after N / L × latency. Reports the ratio
 * to that minimum and the per-job dispatch overhead (p50, p99). Run by {@code bench/generation.sh}; skipped
 * unless {@code -Dkadr.generation.bench=true}.
 */
@EnabledIfSystemProperty(named = "kadr.generation.bench", matches = "true")
class GenerationBenchmarkTests {

    private static final int JOBS = Integer.getInteger("kadr.generation.bench.jobs", 500);
    private static final int LIMIT = Integer.getInteger("kadr.generation.bench.limit", 8);
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("kadr.generation.bench.latency-ms", 2000));
    private static final String POLL = System.getProperty("kadr.generation.bench.poll", "250ms");

    private final FalQueueFake fal = new FalQueueFake(LATENCY, Duration.ofMillis(20), 0);
    private StudioRuns runs;

    @AfterEach
    void stopAll() throws Exception {
        fal.stop();
        if (runs != null) {
            runs.forget();
        }
    }

    @Test
    void drainsJobsCloseToTheTheoreticalMinimum() throws Exception {
        Map<String, Object> pacing = new HashMap<>(StudioRuns.quickPacing());
        pacing.put("kadr.generation.poll-interval", POLL);
        pacing.remove("kadr.jobs.polling-interval"); // the production default
        pacing.remove("kadr.jobs.threads");
        runs = new StudioRuns(pacing);
        fal.start();
        try (ConfigurableApplicationContext studio = runs.start()) {
            Studio people = new Studio(studio.getEnvironment());
            Studio.Person admin = StudioRuns.pointFalAt(people, fal.baseUrl(), LIMIT);
            String shot = people.newShot(admin, people.newProject(admin, "Замер"), "Очередь");
            String model = StudioRuns.modelId(admin, StudioRuns.FLUX_SCHNELL);

            StudioRuns.generate(
                    admin,
                    shot,
                    model,
                    IntStream.range(0, JOBS).mapToObj(i -> "замер " + i).toList());
            StudioRuns.await(
                    () -> StudioRuns.count(studio, "select count(*) from generations where status = 'DONE'") == JOBS,
                    LATENCY.multipliedBy(JOBS).dividedBy(LIMIT).multipliedBy(4).plusSeconds(60),
                    "all jobs done");

            report(studio);
        }
    }

    private void report(ConfigurableApplicationContext studio) throws IOException {
        List<Times> times = studio.getBean(JdbcClient.class)
                .sql("select started_at, finished_at from generations")
                .query((rs, n) -> new Times(
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", OffsetDateTime.class).toInstant()))
                .list();
        Instant first =
                times.stream().map(Times::started).min(Instant::compareTo).orElseThrow();
        Instant last =
                times.stream().map(Times::finished).max(Instant::compareTo).orElseThrow();
        double drain = Duration.between(first, last).toMillis() / 1000.0;
        double minimum = (double) JOBS / LIMIT * LATENCY.toMillis() / 1000.0;
        List<Long> completion = times.stream()
                .map(t -> Duration.between(t.started(), t.finished())
                        .minus(LATENCY)
                        .toMillis())
                .sorted()
                .toList();
        List<Long> handover = handovers();
        String line = String.format(
                Locale.ROOT,
                "jobs=%d limit=%d latency=%dms poll=%s drain=%.1fs minimum=%.1fs ratio=%.3f"
                        + " completion-overhead p50=%dms p99=%dms slot-handover p50=%dms p99=%dms"
                        + " max-in-flight=%d load=%s%n",
                JOBS,
                LIMIT,
                LATENCY.toMillis(),
                POLL,
                drain,
                minimum,
                drain / minimum,
                percentile(completion, 50),
                percentile(completion, 99),
                percentile(handover, 50),
                percentile(handover, 99),
                fal.maxInFlight.get(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.print("GENERATION BENCH " + line);
        Files.writeString(
                Path.of("target", "generation-bench.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(fal.maxInFlight.get()).isLessThanOrEqualTo(LIMIT);
    }

    /** From a request ended at the queue (its result fetched) to the next submit the queue accepted. */
    private List<Long> handovers() {
        List<Long> freed = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        fal.moments.forEach(moment -> (moment.kind().equals("freed") ? freed : accepted).add(moment.at()));
        freed.sort(Long::compare);
        accepted.sort(Long::compare);
        List<Long> gaps = new ArrayList<>();
        for (int k = 0; k + LIMIT < accepted.size() && k < freed.size(); k++) {
            gaps.add(Math.max(
                    0, Duration.ofNanos(accepted.get(k + LIMIT) - freed.get(k)).toMillis()));
        }
        gaps.sort(Long::compare);
        return gaps;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private record Times(Instant started, Instant finished) {}
}
