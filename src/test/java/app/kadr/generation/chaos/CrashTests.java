package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import app.kadr.support.VendorNeutral;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * The studio's core promise under {@code kill -9}: 50 uploads and 50 generations (the offline engine and a slow
 * fal queue) are sent over HTTP while the studio, a real child process on the default set-up, is killed at three
 * random moments and started again on the same data folder. In the end every upload answered 201 is there and
 * ready, every generation answered 202 is there and done or failed with a reason in Russian, no fal request was
 * submitted twice, the blob store holds no file that no take owns, and the studio's temp folder is empty.
 *
 * <p>Runs on the embedded H2 file database by default and on a fresh PostgreSQL schema with
 * {@code -Dkadr.test.db=postgres}. The moments are drawn from a seed printed at the start; {@code
 * -Dkadr.crash.seed=N} replays them. Each life of the studio logs to {@code target/crash-logs/<run>/}.
 */
@Tag("api")
// On PostgreSQL, TwoInstancesTests kills an instance mid-work with kill -9 and checks the same promises.
@VendorNeutral
class CrashTests {

    private static final int UPLOADS = 50;
    private static final int GENERATIONS = 50;
    private static final int FAL_LIMIT = 6;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final long seed = Long.getLong("kadr.crash.seed", new Random().nextLong());
    private final Random random = new Random(seed);
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String schema = "kadr_test_crash_" + run;
    /** Each submit takes 300 ms to be answered, so a kill often lands between the submit and its answer. */
    private final FalQueueFake fal = new FalQueueFake(Duration.ofSeconds(2), Duration.ofMillis(300), 0);

    private StudioProcess studio;

    @AfterEach
    void stopAll() throws Exception {
        if (studio != null) {
            studio.stop();
        }
        fal.stop();
        if (TestDatabase.postgres()) {
            try (Connection connection = DriverManager.getConnection(
                    TestDatabase.POSTGRES_URL, System.getProperty("kadr.test.db-user", "postgres"), "")) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void everythingAcknowledgedSurvivesThreeKillNinesAndNothingIsPaidTwice() throws Exception {
        System.out.println("CRASH TEST run=" + run + " seed=" + seed + " db=" + System.getProperty("kadr.test.db"));
        fal.start();
        Path target = Path.of("target").toAbsolutePath();
        studio = new StudioProcess(
                target.resolve("test-data").resolve("crash-" + run),
                target.resolve("crash-logs").resolve(run),
                freePort(),
                settings());
        studio.start(Map.of());

        Studio people = new Studio(environmentOf(studio));
        Studio.Person admin = StudioRuns.pointFalAt(people, fal.baseUrl(), FAL_LIMIT);
        String shot = people.newShot(admin, people.newProject(admin, "Сбой"), "Сто дублей");
        Workload workload = new Workload(
                admin.api(),
                shot,
                work(StudioRuns.modelId(admin, StudioRuns.FLUX_SCHNELL), people.localModel(admin, "local/draft")));
        workload.start(6);

        for (int threshold : killMoments()) {
            StudioRuns.await(
                    () -> workload.acknowledged() >= threshold, Duration.ofSeconds(60), threshold + " answers");
            int exit = studio.kill();
            System.out.println("CRASH TEST killed after " + workload.acknowledged() + " answers, exit " + exit);
            assertThat(exit).as("exit status of kill -9 (SIGKILL)").isEqualTo(StudioProcess.KILLED);
            studio.start(Map.of());
        }
        workload.awaitSent(Duration.ofSeconds(90));
        StudioRuns.await(() -> settled(admin.api(), shot), SETTLE, "every take processed and every generation ended");

        // One more life, now with no work in flight, whose start-up sweep may take every orphan at once.
        studio.stop();
        studio.start(Map.of("KADR_STORAGE_ORPHAN_MIN_AGE", "0s"));
        List<Path> leftInTmp = studio.filesUnder("tmp");

        assertThat(workload.unexpected).as("answers other than 201/202").isEmpty();
        assertThat(workload.uploads).as("uploads answered 201").hasSizeGreaterThanOrEqualTo(UPLOADS);
        assertThat(workload.generations).as("generations answered 202").hasSizeGreaterThanOrEqualTo(GENERATIONS);
        for (String upload : workload.uploads) {
            Api.Response asset = admin.api().get("/api/v1/assets/" + upload);
            assertThat(asset.status()).as("acknowledged upload " + upload).isEqualTo(200);
            assertThat(asset.string("mediaStatus")).as(asset.toString()).isEqualTo("ready");
        }
        for (String id : workload.generations) {
            Api.Response generation = admin.api().get("/api/v1/generations/" + id);
            assertThat(generation.status()).as("accepted generation " + id).isEqualTo(200);
            endsDoneOrWithARussianReason(admin.api(), generation.json());
        }
        assertThat(fal.acceptedByPrompt).as("prompts fal accepted").isNotEmpty();
        assertThat(fal.acceptedByPrompt.entrySet().stream()
                        .filter(submits -> submits.getValue().get() > 1)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("generations fal accepted more than once (billed twice)")
                .isEmpty();

        assertThat(missing(admin.api(), shot))
                .as("files of takes missing from the store")
                .isEmpty();

        // The storage module's start-up clean-up of <data dir>/tmp, and its orphan sweep (kadr.storage.orphan-min-age).
        assertThat(leftInTmp)
                .as("files left in the studio's temp folder after a start")
                .isEmpty();
        StudioRuns.await(() -> orphans(admin.api(), shot).isEmpty(), Duration.ofSeconds(30), "no orphan blobs");
    }

    /** The settings of every life: short job pacing, and the database under test. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "KADR_JOBS_HEARTBEAT_INTERVAL", "1s",
                "KADR_JOBS_POLLING_INTERVAL", "250ms",
                "KADR_GENERATION_POLL_INTERVAL", "250ms",
                "KADR_GENERATION_BACKOFF_BASE", "200ms",
                "KADR_GENERATION_BACKOFF_CAP", "2s",
                "LOGGING_LEVEL_APP_KADR", "INFO"));
        if (TestDatabase.postgres()) {
            settings.put("KADR_DB_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
            settings.put("KADR_DB_USER", System.getProperty("kadr.test.db-user", "postgres"));
            settings.put("KADR_DB_PASSWORD", "");
            settings.put("SPRING_FLYWAY_SCHEMAS", schema);
        }
        return settings;
    }

    /** Three kills, each once a random number of answers more has come back, so requests are always in flight. */
    private List<Integer> killMoments() {
        int total = UPLOADS + GENERATIONS;
        List<Integer> moments = IntStream.range(0, 3)
                .map(k -> total * k / 3 + 5 + random.nextInt(total / 3 - 10))
                .boxed()
                .toList();
        System.out.println("CRASH TEST kills after answers " + moments);
        return moments;
    }

    /** Fifty uploads (pictures and short videos) and fifty generations (offline and fal), in a random order. */
    private List<Workload.Item> work(String falModel, String localModel) {
        List<Workload.Item> items = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            items.add(
                    switch (i % 5) {
                        case 0 -> Workload.Item.upload("clip-" + i + ".mp4", Samples.video("mp4", 1));
                        case 1 -> Workload.Item.upload("still-" + i + ".png", Samples.png(320 + i, 240));
                        default -> Workload.Item.upload("still-" + i + ".jpg", Samples.jpeg(640 + i, 360));
                    });
        }
        for (int i = 0; i < GENERATIONS; i++) {
            String model = i % 2 == 0 ? localModel : falModel;
            items.add(Workload.Item.generation(Map.of("modelId", model, "prompt", "кадр после сбоя " + i)));
        }
        Collections.shuffle(items, random);
        return items;
    }

    private static void endsDoneOrWithARussianReason(Api api, JsonNode generation) {
        String status = generation.path("status").asString();
        if (status.equals("done")) {
            assertThat(generation.path("assetIds").size())
                    .as(generation.toString())
                    .isPositive();
            for (JsonNode asset : generation.path("assetIds")) {
                Api.Response take = api.get("/api/v1/assets/" + asset.asString());
                assertThat(take.string("mediaStatus")).as(take.toString()).isEqualTo("ready");
            }
        } else {
            assertThat(status).as(generation.toString()).isEqualTo("failed");
            assertThat(generation.path("error").path("message").asString())
                    .as(generation.toString())
                    .containsPattern("[а-яА-ЯёЁ]");
        }
    }

    /** No take is still processing and no generation of the shot is still running. */
    private static boolean settled(Api api, String shot) {
        boolean processing = takes(api, shot).stream()
                .anyMatch(take -> take.path("mediaStatus").asString().equals("processing"));
        boolean running = false;
        for (JsonNode generation : api.get("/api/v1/shots/" + shot + "/generations?limit=500")
                .json()
                .path("items")) {
            running |= !Set.of("done", "failed", "cancelled")
                    .contains(generation.path("status").asString());
        }
        return !processing && !running;
    }

    /** Every take of the shot, acknowledged or not (a killed request may still have made one). */
    private static List<JsonNode> takes(Api api, String shot) {
        List<JsonNode> takes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/shots/" + shot + "/assets?limit=500" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(takes::add);
            cursor =
                    page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        return takes;
    }

    /** The version tags of every file the takes point at: the first block of each blob's name. */
    private static Set<String> ownedVersions(Api api, String shot) {
        Set<String> versions = new HashSet<>();
        for (JsonNode take : takes(api, shot)) {
            take.path("urls").forEach(url -> versions.add(url.asString().replaceAll(".*[?&]v=", "")));
        }
        return versions;
    }

    private List<Path> orphans(Api api, String shot) {
        Set<String> owned = ownedVersions(api, shot);
        return studio.filesUnder("blobs").stream()
                .filter(file -> !owned.contains(versionOf(file)))
                .toList();
    }

    private List<String> missing(Api api, String shot) {
        Set<String> stored = new HashSet<>();
        studio.filesUnder("blobs").forEach(file -> stored.add(versionOf(file)));
        return ownedVersions(api, shot).stream()
                .filter(version -> !stored.contains(version))
                .toList();
    }

    private static String versionOf(Path blob) {
        return blob.getFileName().toString().substring(0, 8);
    }

    private static StandardEnvironment environmentOf(StudioProcess studio) {
        StandardEnvironment environment = new StandardEnvironment();
        String port = studio.baseUrl().substring(studio.baseUrl().lastIndexOf(':') + 1);
        environment.getPropertySources().addFirst(new MapPropertySource("child", Map.of("local.server.port", port)));
        return environment;
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
