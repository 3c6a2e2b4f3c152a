package app.kadr.passport;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the passport of a big project takes: 150 shots of 10 takes each (7 generated, 3 uploaded), seeded
 * straight into the database, then each format fetched over real HTTP. Off in normal runs; bench/passport.sh
 * runs it and docs/benchmarks.md keeps the figures.
 */
@KadrTest
@EnabledIfSystemProperty(named = "kadr.passport.bench", matches = "true")
class PassportBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(PassportBenchmarkTest.class);
    private static final int SHOTS = 150;
    private static final int TAKES_PER_SHOT = 10;
    private static final int GENERATED_PER_SHOT = 7;
    private static final int WARMUP = Integer.getInteger("kadr.passport.bench.warmup", 30);
    private static final int RUNS = Integer.getInteger("kadr.passport.bench.runs", 100);

    @Autowired
    Studio studio;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fifteenHundredRowsInEachFormat() throws Exception {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Бенчмарк паспорта");
        seed(UUID.fromString(project));
        HttpClient http = HttpClient.newHttpClient();

        List<Double> medians = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("| format | rows | bytes | p50 ms | p95 ms | max ms |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        for (String format : List.of("csv", "xlsx", "json")) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(studio.baseUrl() + "/api/v1/projects/" + project + "/passport." + format))
                    .header("Authorization", "Bearer " + person.token())
                    .build();
            int bytes = 0;
            for (int i = 0; i < WARMUP; i++) {
                bytes = fetch(http, request).length;
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                fetch(http, request);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f |",
                    format,
                    SHOTS * TAKES_PER_SHOT,
                    bytes,
                    percentile(millis, 50),
                    percentile(millis, 95),
                    millis[millis.length - 1]));
            medians.add(percentile(millis, 50));
        }
        String table = String.join("\n", lines);
        String load = String.format(
                Locale.ROOT,
                "%s, %d warm-up + %d timed requests per format, load average %.1f on %d cores",
                TestDatabase.postgres() ? "PostgreSQL" : "H2",
                WARMUP,
                RUNS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        table = load + "\n\n" + table;
        log.info("Passport benchmark: {}", table);
        Path out = Path.of("bench", "out", "passport-" + (TestDatabase.postgres() ? "postgres" : "h2") + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        // The median, not p95: on a shared two-core machine the tail measures the neighbours as much as Kadr.
        assertThat(medians).as("p50 of csv, xlsx, json").allMatch(p50 -> p50 < 1000);
    }

    /** 150 shots × 10 takes with realistic texts; generated takes get a generation each, like single variants. */
    private void seed(UUID project) {
        Map<String, Object> model =
                jdbc.queryForMap("select id, provider_id, task from models where external_id = 'local/draft'");
        String snapshot =
                "{\"provider\":\"fal\",\"providerName\":\"fal.ai\",\"externalId\":\"fal-ai/flux-pro/v1.1-ultra\","
                        + "\"name\":\"FLUX1.1 [pro] ultra\",\"vendor\":\"Black Forest Labs\"}";
        String params =
                "{\"aspect_ratio\":\"16:9\",\"guidance\":3.5,\"steps\":28,\"raw\":false,\"output_format\":\"jpeg\"}";
        Instant base = Instant.now().minusSeconds(86_400);
        List<Object[]> shots = new ArrayList<>();
        List<Object[]> generations = new ArrayList<>();
        List<Object[]> assets = new ArrayList<>();
        for (int s = 1; s <= SHOTS; s++) {
            UUID shot = UUID.randomUUID();
            Timestamp at = Timestamp.from(base.plusSeconds(s));
            shots.add(
                    new Object[] {shot, project, s, "Шот " + s + ": героиня идёт по ночному городу", "", "draft", at, at
                    });
            for (int t = 0; t < TAKES_PER_SHOT; t++) {
                UUID asset = UUID.randomUUID();
                UUID generation = null;
                Timestamp created = Timestamp.from(base.plusSeconds(s * 100L + t));
                if (t < GENERATED_PER_SHOT) {
                    generation = UUID.randomUUID();
                    generations.add(new Object[] {
                        generation,
                        shot,
                        model.get("id"),
                        model.get("provider_id"),
                        snapshot,
                        model.get("task"),
                        "Кинематографичный кадр: девушка в красном плаще идёт по мокрой мостовой ночного города, "
                                + "неон отражается в лужах, 35 мм, малая глубина резкости, вариант " + t,
                        "размытие, лишние пальцы, текст",
                        params,
                        1_000_000L + s * 10L + t,
                        "[]",
                        "DONE",
                        new java.math.BigDecimal("0.06"),
                        created
                    });
                }
                assets.add(new Object[] {
                    asset,
                    shot,
                    generation == null ? "image" : (t % 3 == 0 ? "video" : "image"),
                    generation == null ? "upload" : "generated",
                    "ready",
                    "image/jpeg",
                    2_000_000L,
                    "take-" + s + "-" + t + ".jpg",
                    "originals/" + UUID.randomUUID() + ".jpg",
                    created,
                    generation
                });
            }
        }
        jdbc.batchUpdate("""
                insert into shots (id, project_id, position, title, description, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", shots);
        jdbc.batchUpdate("""
                insert into generations (id, shot_id, model_id, provider_id, model_snapshot, task, prompt,
                  negative_prompt, params, seed, variants, source_asset_ids, status, attempts, cancel_requested,
                  cost, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 1, false, ?, ?)""", generations);
        jdbc.batchUpdate("""
                insert into assets (id, shot_id, kind, origin, media_status, mime_type, bytes, original_name,
                  original_key, starred, created_at, generation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""", assets);
    }

    private static byte[] fetch(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
