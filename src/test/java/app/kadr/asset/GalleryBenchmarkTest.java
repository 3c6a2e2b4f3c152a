package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.Cursor;
import app.kadr.storyboard.ShotPlace;
import app.kadr.storyboard.StoryboardService;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The gallery of a person with 100,000 takes in 10 projects of 100 shots, seeded straight into the database, then
 * the page and the API fetched over real HTTP with the filters people use, and the plans of their queries printed.
 * Off in normal runs; bench/gallery.sh runs it and docs/benchmarks.md keeps the figures.
 */
@KadrTest
@EnabledIfSystemProperty(named = "kadr.gallery.bench", matches = "true")
class GalleryBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(GalleryBenchmarkTest.class);
    private static final int PROJECTS = 10;
    private static final int SHOTS_PER_PROJECT = 100;
    private static final int TAKES = Integer.getInteger("kadr.gallery.bench.takes", 100_000);
    private static final int VARIANTS = 4;
    private static final int BOX_TAKES = 300;
    private static final int WARMUP = Integer.getInteger("kadr.gallery.bench.warmup", 50);
    private static final int RUNS = Integer.getInteger("kadr.gallery.bench.runs", 300);
    private static final int BATCH = 5_000;

    /** Words prompts are made of: the first ones are common, the tail rare, as in real prompts. */
    private static final String[] SUBJECTS = {
        "девушка",
        "город",
        "лиса",
        "машина",
        "дом",
        "лес",
        "море",
        "старик",
        "кот",
        "поезд",
        "мост",
        "собака",
        "робот",
        "замок",
        "дракон",
        "балерина",
        "маяк",
        "астронавт",
        "самурай",
        "кит"
    };

    private static final String[] SCENES = {
        "ночью под дождём", "на закате", "в тумане", "зимним утром", "в неоновом свете", "среди руин",
        "на крыше", "в пустыне", "под водой", "в космосе", "на рынке", "в метро"
    };
    private static final String[] STYLES = {
        "кинематографичный кадр, 35 мм",
        "акварель",
        "плёночное зерно",
        "аниме",
        "гиперреализм",
        "нуар",
        "широкий угол",
        "малая глубина резкости"
    };

    @Autowired
    Studio studio;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    GalleryTakes takes;

    @Autowired
    StoryboardService storyboard;

    record Scenario(String name, String path, GalleryFilter filter, Cursor cursor) {}

    @Test
    void aHundredThousandTakes() throws Exception {
        Studio.Person person = studio.newPerson();
        UUID owner = jdbc.queryForObject("select id from users where username = ?", UUID.class, person.username());
        List<UUID> projects = new ArrayList<>();
        for (int p = 1; p <= PROJECTS; p++) {
            projects.add(UUID.fromString(studio.newProject(person, "Проект " + p)));
        }
        long seedStart = System.nanoTime();
        Map<String, UUID> models = seed(projects);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        if (TestDatabase.postgres()) {
            jdbc.execute("analyze");
        }

        Cursor deep = deepCursor(owner, 5_000);
        UUID rareModel = models.get("rare");
        List<Scenario> scenarios = List.of(
                new Scenario("page /gallery (HTML, gzip)", "/gallery", GalleryFilter.none(), null),
                new Scenario(
                        "more /gallery/more, after 5,000 takes",
                        "/gallery/more?cursor=" + deep.encode(),
                        GalleryFilter.none(),
                        deep),
                new Scenario("api, no filter", "/api/v1/assets", GalleryFilter.none(), null),
                new Scenario("api q=город (common word)", "/api/v1/assets?q=" + enc("город"), words("город"), null),
                new Scenario(
                        "api q=робот космосе (rare pair)",
                        "/api/v1/assets?q=" + enc("робот космосе"),
                        words("робот космосе"),
                        null),
                new Scenario(
                        "api favourite=true",
                        "/api/v1/assets?favourite=true",
                        new GalleryFilter(null, null, null, null, null, true, null, null, null),
                        null),
                new Scenario(
                        "api modelId (rare model)",
                        "/api/v1/assets?modelId=" + rareModel,
                        new GalleryFilter(null, null, null, rareModel, null, null, null, null, null),
                        null),
                new Scenario(
                        "api projectId",
                        "/api/v1/assets?projectId=" + projects.get(3),
                        new GalleryFilter(null, null, projects.get(3), null, null, null, null, null, null),
                        null),
                new Scenario(
                        "api kind=video&headliner=true",
                        "/api/v1/assets?kind=video&headliner=true",
                        new GalleryFilter(null, "video", null, null, null, null, true, null, null),
                        null));

        HttpClient http = HttpClient.newHttpClient();
        List<String> lines = new ArrayList<>();
        lines.add("| request | items | bytes (gzip) | p50 ms | p95 ms | p99 ms | max ms | Kadr CPU ms/request |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        double pageP95 = 0;
        for (Scenario scenario : scenarios) {
            double p95 = measure(http, person, scenario.name(), scenario.path(), lines);
            if (scenario.path().equals("/gallery")) {
                pageP95 = p95;
            }
        }

        // The box of one shot with 300 takes: the newest takes of the first project gathered into one shot.
        UUID boxShot = jdbc.queryForObject(
                "select id from shots where project_id = ? order by position limit 1", UUID.class, projects.getFirst());
        jdbc.update("""
                update assets set shot_id = ? where id in (select a.id from assets a join shots s on s.id = a.shot_id
                  where s.project_id = ? order by a.created_at desc limit ?)""", boxShot, projects.getFirst(), BOX_TAKES);
        if (TestDatabase.postgres()) {
            jdbc.execute("analyze assets");
        }
        String box = "/shots/" + boxShot;
        measure(http, person, "box /shots/{id} (HTML, gzip), " + BOX_TAKES + " takes in the shot", box, lines);
        measure(http, person, "box feed /shots/{id}/feed", box + "/feed", lines);
        measure(http, person, "box bar /shots/{id}/generate", box + "/generate", lines);

        List<String> firstView = firstView(http, person, "/gallery", "/gallery (48 takes)", List.of());
        firstView.add("");
        firstView.addAll(firstView(
                http,
                person,
                box,
                "/shots/{id} (" + BOX_TAKES + " takes)",
                List.of(box + "/generate", box + "/generations/list", box + "/comments")));
        List<String> plans = plans(owner, scenarios);
        String header = String.format(
                Locale.ROOT,
                "%s, %,d takes (%,d generations, %d projects × %d shots) seeded in %.0f s; %d warm-up + %d timed "
                        + "requests each, one connection; load average %.1f on %d cores",
                TestDatabase.postgres() ? "PostgreSQL" : "H2",
                TAKES,
                TAKES / VARIANTS,
                PROJECTS,
                SHOTS_PER_PROJECT,
                seedSeconds,
                WARMUP,
                RUNS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        String report = header + "\n\n" + String.join("\n", lines) + "\n\n" + String.join("\n", firstView) + "\n";
        log.info("Gallery benchmark:\n{}", report);
        String db = TestDatabase.postgres() ? "postgres" : "h2";
        Path out = Path.of("bench", "out", "gallery-" + db + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        Files.writeString(Path.of("bench", "out", "gallery-" + db + "-plans.txt"), String.join("\n", plans));
        assertThat(pageP95).as("the page was measured").isPositive();
    }

    private static GalleryFilter words(String q) {
        return new GalleryFilter(q, null, null, null, null, null, null, null, null);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The position after {@code offset} takes, newest first: where a long scroll has got to. */
    private Cursor deepCursor(UUID owner, int offset) {
        Set<UUID> shots = storyboard.places(owner).stream().map(ShotPlace::id).collect(Collectors.toSet());
        GalleryTakes.Query query = takes.query(shots, Set.of(), GalleryFilter.none(), null, offset);
        List<AssetRow> rows = named.query(query.sql(), query.params(), (rs, n) -> Assets.map(rs, n));
        AssetRow last = rows.getLast();
        return new Cursor(last.createdAt(), last.id());
    }

    /** Every query's plan with its real timings: the indexes it uses show whether the figures will hold. */
    private List<String> plans(UUID owner, List<Scenario> scenarios) {
        List<ShotPlace> places = storyboard.places(owner);
        List<String> plans = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<ShotPlace> scope = scenario.filter().projectId() == null
                    ? places
                    : places.stream()
                            .filter(p -> p.projectId().equals(scenario.filter().projectId()))
                            .toList();
            Set<UUID> shots = scope.stream().map(ShotPlace::id).collect(Collectors.toSet());
            Set<UUID> headliners = scope.stream()
                    .map(ShotPlace::headlinerAssetId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            GalleryTakes.Query query = takes.query(shots, headliners, scenario.filter(), scenario.cursor(), 61);
            String explain = TestDatabase.postgres() ? "explain (analyze, costs off) " : "explain analyze ";
            plans.add("== " + scenario.name());
            plans.addAll(named.queryForList(explain + query.sql(), query.params(), String.class).stream()
                    .map(line -> line.replaceAll("'\\{[0-9a-f,-]{200,}}'", "'{…ids…}'")
                            .replaceAll("'[0-9a-f-]{36}'", "'…id…'"))
                    .toList());
            plans.add("");
        }
        return plans;
    }

    /** The page and every stylesheet and script it names, as transferred with gzip: the first view's weight. */
    /**
     * One request, warmed up then timed; also the CPU time the whole Kadr JVM (this test's client included, the
     * database not) spent per request, which does not depend on how busy the shared machine is. Answers the p95.
     */
    private double measure(HttpClient http, Studio.Person person, String name, String path, List<String> lines)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(studio.baseUrl() + path))
                .header("Authorization", "Bearer " + person.token())
                .header("Accept-Encoding", "gzip")
                .header("Accept", path.startsWith("/api") ? "application/json" : "text/html")
                .build();
        byte[] body = new byte[0];
        for (int i = 0; i < WARMUP; i++) {
            body = fetch(http, request);
        }
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            fetch(http, request);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e6 / RUNS;
        Arrays.sort(millis);
        String text = new String(gunzip(body), StandardCharsets.UTF_8);
        int items = path.startsWith("/api")
                ? countOf(text, "\"projectName\"")
                : countOf(text, "class=\"take\"") + countOf(text, "class=\"card\"") + countOf(text, "class=\"card is-");
        lines.add(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |",
                name,
                items,
                body.length,
                percentile(millis, 50),
                percentile(millis, 95),
                percentile(millis, 99),
                millis[millis.length - 1],
                cpu));
        return percentile(millis, 95);
    }

    /** A page and everything it names or loads at once (stylesheets, scripts, fragments fetched on load). */
    private List<String> firstView(
            HttpClient http, Studio.Person person, String path, String label, List<String> onLoad) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("| first view | raw B | gzip B |");
        lines.add("|---|---:|---:|");
        Map<String, byte[]> transferred = new LinkedHashMap<>();
        byte[] page = fetch(http, get(path, person));
        transferred.put(label, page);
        Matcher assets = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"")
                .matcher(new String(gunzip(page), StandardCharsets.UTF_8));
        while (assets.find()) {
            transferred.put(assets.group(1), fetch(http, get(assets.group(1), person)));
        }
        for (String fragment : onLoad) {
            transferred.put(fragment.replaceAll("[0-9a-f-]{36}", "{id}"), fetch(http, get(fragment, person)));
        }
        long raw = 0;
        long gzip = 0;
        for (var entry : transferred.entrySet()) {
            int unpacked = gunzip(entry.getValue()).length;
            raw += unpacked;
            gzip += entry.getValue().length;
            lines.add("| " + entry.getKey().replaceAll("-[0-9a-f]{8,}", "-<hash>") + " | " + unpacked + " | "
                    + entry.getValue().length + " |");
        }
        lines.add(String.format(Locale.ROOT, "| **total** | **%,d** | **%,d** |", raw, gzip));
        return lines;
    }

    private HttpRequest get(String path, Studio.Person person) {
        return HttpRequest.newBuilder(URI.create(studio.baseUrl() + path))
                .header("Authorization", "Bearer " + person.token())
                .header("Accept-Encoding", "gzip")
                .header("Accept", "text/html,*/*")
                .build();
    }

    /**
     * 1,000 shots, then {@link #TAKES} takes over the last 200 days, four to a generation, with prompts from a
     * vocabulary of common and rare words; one in ten is an upload, one in thirty a favourite, each shot's first
     * take its headliner. Answers the ids of a common and a rare model.
     */
    private Map<String, UUID> seed(List<UUID> projects) {
        List<Map<String, Object>> catalog =
                jdbc.queryForList("select id, provider_id, task, name from models order by external_id");
        Random random = new Random(42);
        Instant now = Instant.now();
        List<Object[]> shots = new ArrayList<>();
        List<UUID> shotIds = new ArrayList<>();
        for (UUID project : projects) {
            for (int s = 1; s <= SHOTS_PER_PROJECT; s++) {
                UUID shot = UUID.randomUUID();
                shotIds.add(shot);
                Timestamp at = Timestamp.from(now.minusSeconds(200L * 86_400));
                shots.add(new Object[] {shot, project, s, "Шот " + s, "", "draft", at, at});
            }
        }
        jdbc.batchUpdate("""
                insert into shots (id, project_id, position, title, description, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", shots);

        List<Object[]> generations = new ArrayList<>();
        List<Object[]> assets = new ArrayList<>();
        Map<UUID, UUID> headliners = new LinkedHashMap<>();
        long span = 200L * 86_400 * 1000;
        for (int t = 0; t < TAKES; t++) {
            UUID shot = shotIds.get(random.nextInt(shotIds.size()));
            Timestamp created = Timestamp.from(now.minusMillis(span * (TAKES - t) / TAKES));
            UUID asset = UUID.randomUUID();
            headliners.putIfAbsent(shot, asset);
            boolean upload = random.nextInt(10) == 0;
            UUID generation = null;
            Map<String, Object> model = null;
            String prompt = null;
            if (!upload) {
                // Models by a skewed choice: the first few are used a lot, the last one rarely.
                model = catalog.get(Math.min(catalog.size() - 1, (int) Math.abs(random.nextGaussian() * 3)));
                prompt = prompt(random);
                generation = UUID.randomUUID();
                generations.add(new Object[] {
                    generation,
                    shot,
                    model.get("id"),
                    model.get("provider_id"),
                    "{\"provider\":\"local\",\"name\":\"" + model.get("name") + "\"}",
                    model.get("task"),
                    prompt,
                    "{}",
                    1_000L + t,
                    VARIANTS,
                    "[]",
                    "DONE",
                    created
                });
            }
            boolean video = random.nextInt(7) == 0;
            assets.add(new Object[] {
                asset,
                shot,
                video ? "video" : "image",
                upload ? "upload" : "generated",
                "ready",
                video ? "video/mp4" : "image/jpeg",
                2_000_000L,
                1920,
                1080,
                video ? 5_000L : null,
                "take-" + t + (video ? ".mp4" : ".jpg"),
                "originals/" + asset + ".jpg",
                "thumbs/" + asset + ".webp",
                "previews/" + asset + ".webp",
                random.nextInt(30) == 0,
                created,
                generation,
                model == null ? null : model.get("id"),
                model == null ? null : model.get("provider_id"),
                prompt
            });
            // Four takes share a generation, like a request for four variants.
            for (int v = 1; v < VARIANTS && t + 1 < TAKES && !upload; v++) {
                t++;
                UUID variant = UUID.randomUUID();
                Object[] row = assets.getLast().clone();
                row[0] = variant;
                row[11] = "originals/" + variant + ".jpg";
                row[12] = "thumbs/" + variant + ".webp";
                row[13] = "previews/" + variant + ".webp";
                row[14] = random.nextInt(30) == 0;
                assets.add(row);
            }
            if (assets.size() >= BATCH) {
                flush(generations, assets);
            }
        }
        flush(generations, assets);
        List<Object[]> headlinerRows = headliners.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()})
                .toList();
        jdbc.batchUpdate("update shots set headliner_asset_id = ? where id = ?", headlinerRows);
        return Map.of("common", (UUID) catalog.getFirst().get("id"), "rare", (UUID)
                catalog.get(Math.min(catalog.size() - 1, 8)).get("id"));
    }

    private void flush(List<Object[]> generations, List<Object[]> assets) {
        jdbc.batchUpdate("""
                insert into generations (id, shot_id, model_id, provider_id, model_snapshot, task, prompt, params,
                  seed, variants, source_asset_ids, status, attempts, cancel_requested, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, false, ?)""", generations);
        jdbc.batchUpdate("""
                insert into assets (id, shot_id, kind, origin, media_status, mime_type, bytes, width, height,
                  duration_ms, original_name, original_key, thumb_key, preview_key, starred, created_at,
                  generation_id, model_id, provider_id, prompt)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", assets);
        generations.clear();
        assets.clear();
    }

    private static String prompt(Random random) {
        // Zipf-like: low indexes far more often, so some words are in a fifth of prompts and some in very few.
        String subject = SUBJECTS[Math.min(SUBJECTS.length - 1, (int) (Math.abs(random.nextGaussian()) * 5))];
        String scene = SCENES[random.nextInt(SCENES.length)];
        String style = STYLES[random.nextInt(STYLES.length)];
        return subject + " " + scene + ", " + style + ", вариант " + random.nextInt(1000);
    }

    private static byte[] fetch(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
        return response.body();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
