package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.KadrApplication;
import app.kadr.support.Api;
import app.kadr.support.EventStream;
import app.kadr.support.S3Server;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.JsonNode;

/**
 * Two Kadr instances as behind a balancer (README «Несколько серверов»): one PostgreSQL schema, one S3 bucket on a
 * real S3 API server (s3proxy), a data folder of its own each, one secret key. A is a real child process (so it can
 * be killed with {@code kill -9}), B runs in this JVM. Whatever one accepts, the other serves; a page on B hears A's
 * changes; a generation A started is finished by B once A is dead; password guesses and a provider's concurrency
 * limit are counted for both together.
 */
@Tag("api")
class TwoInstancesTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final int FAL_LIMIT = 2;

    private final FalQueueFake fal = new FalQueueFake(Duration.ofSeconds(4), Duration.ofMillis(50), 0.0);
    private final StudioRuns runs = new StudioRuns(StudioRuns.quickPacing());
    private final Path logs = Path.of("target", "test-data").toAbsolutePath();
    private final String bucket = S3Server.newBucket();
    private final String secretKey = newSecretKey();
    private final Path dataA = logs.resolve("two-instances-" + bucket + "-a");
    private final Path dataB = logs.resolve("two-instances-" + bucket + "-b");
    private Process a;
    private ConfigurableApplicationContext b;
    private Studio studioA;
    private Studio studioB;

    /**
     * What both instances share besides the database: the bucket, and the secret key that opens the provider keys
     * either of them saved. Each has a data folder of its own, as on two machines.
     */
    private Map<String, Object> settingsOf(String name, Path dataDir) {
        Map<String, Object> own = new HashMap<>(S3Server.get().studioSettings(bucket));
        own.put("kadr.secret-key", secretKey);
        own.put("kadr.instance-name", name);
        own.put("kadr.data-dir", dataDir.toString());
        return own;
    }

    @BeforeEach
    void startBoth() throws Exception {
        Assumptions.assumeTrue(
                TestDatabase.postgres(), "several instances share PostgreSQL; the embedded H2 serves one alone");
        fal.start();
        int port = freePort();
        a = startChild(port);
        studioA = new Studio(new MockEnvironment().withProperty("local.server.port", String.valueOf(port)));
        // Minutes, not seconds: on a shared build machine two studios starting at once take their time.
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(ResourceAccessException.class)
                .until(() -> {
                    assertThat(a.isAlive()).as("A is running; see " + logOfA()).isTrue();
                    return studioA.api().get("/actuator/health").status() == 200;
                });
        b = runs.start(settingsOf("kadr-b", dataB));
        studioB = new Studio(b.getEnvironment());
    }

    @AfterEach
    void stopBoth() throws Exception {
        if (a != null) {
            a.destroyForcibly().waitFor();
        }
        if (b != null) {
            b.close();
        }
        fal.stop();
        runs.forget();
    }

    @Test
    void aTakeUploadedThroughOneInstanceIsServedByTheOther() throws IOException {
        Studio.Person person = studioA.newPerson();
        String shot = studioA.newShot(person, studioA.newProject(person, "Два сервера"), "Крыша");
        byte[] picture = Samples.png(96, 64);

        String asset = studioA.upload(person, shot, new Api.NamedBytes("крыша.png", picture))
                .getFirst();
        Studio.Person onB = new Studio.Person(
                person.username(), person.token(), studioB.api().as(person.token()));
        JsonNode processed = studioB.awaitProcessed(onB, asset);
        Api.Response original = onB.api().get("/api/v1/assets/" + asset + "/content/original");

        assertThat(processed.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.bytes()).isEqualTo(picture);
        assertThat(filesUnder(dataA.resolve("blobs")))
                .as("files in A's own blob folder")
                .isEmpty();
        assertThat(filesUnder(dataB.resolve("blobs")))
                .as("files in B's own blob folder")
                .isEmpty();
        assertThat(S3Server.get().keys(bucket))
                .as("objects in the shared bucket")
                .isNotEmpty();
    }

    @Test
    void aPageOpenOnOneInstanceHearsOfAChangeMadeOnTheOtherWithinTwoSeconds() {
        Studio.Person person = studioA.newPerson();
        String project = studioA.newProject(person, "Живые обновления");
        String shot = studioA.newShot(person, project, "Мост");

        try (EventStream page = EventStream.open(studioB.baseUrl(), project, person.token())) {
            await().atMost(PROMPTLY).until(page::isOpen);
            studioA.upload(person, shot, new Api.NamedBytes("мост.png", Samples.png(64, 48)));

            await().atMost(PROMPTLY)
                    .untilAsserted(() -> assertThat(page.events()).anySatisfy(event -> {
                        assertThat(event.name()).isEqualTo("shot");
                        assertThat(event.data()).contains(shot);
                    }));
        }
    }

    @Test
    void aGenerationStartedOnAnInstanceKilledMidwayIsFinishedByTheOther() throws Exception {
        Studio.Person admin = StudioRuns.pointFalAt(studioA, fal.baseUrl(), 4);
        String shot = studioA.newShot(admin, studioA.newProject(admin, "Аварии"), "Маяк");
        String model = StudioRuns.modelId(admin, StudioRuns.FLUX_SCHNELL);
        String generation = StudioRuns.generate(admin, shot, model, List.of("маяк, пережить kill -9"))
                .getFirst();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> StudioRuns.count(
                                b,
                                "select count(*) from generations where provider_request_id is not null"
                                        + " and submit_started_at is null")
                        == 1);

        assertThat(a.destroyForcibly().waitFor())
                .as("exit status of kill -9 (SIGKILL)")
                .isEqualTo(StudioProcess.KILLED);
        Studio.Person onB =
                new Studio.Person(admin.username(), admin.token(), studioB.api().as(admin.token()));
        JsonNode finished = studioB.awaitGeneration(onB, generation);

        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("done");
        assertThat(fal.acceptedByPrompt.get("маяк, пережить kill -9").get())
                .as("submits the provider accepted")
                .isEqualTo(1);
        assertThat(studioB.awaitTake(onB, generation)).isNotBlank();
    }

    @Test
    void passwordGuessesOnBothInstancesAddUpToOneLimit() {
        Studio.Person person = studioA.newPerson();
        Api onA = studioA.api();
        Api onB = studioB.api();
        // LoginThrottle.PER_ACCOUNT: five failed attempts a minute per account, whoever makes them.
        for (int guess = 0; guess < 3; guess++) {
            assertThat(login(onA, person.username(), "wrong-password").status()).isEqualTo(401);
        }
        for (int guess = 0; guess < 2; guess++) {
            assertThat(login(onB, person.username(), "wrong-password").status()).isEqualTo(401);
        }

        Api.Response rightOnA = login(onA, person.username(), Studio.PASSWORD);
        Api.Response rightOnB = login(onB, person.username(), Studio.PASSWORD);

        assertThat(rightOnA.status()).as(rightOnA.toString()).isEqualTo(429);
        assertThat(rightOnB.status()).as(rightOnB.toString()).isEqualTo(429);
        assertThat(rightOnB.string("detail")).contains("Подождите");
    }

    @Test
    void aProvidersConcurrencyLimitHoldsForBothInstancesTogether() {
        Studio.Person admin = StudioRuns.pointFalAt(studioA, fal.baseUrl(), FAL_LIMIT);
        String shot = studioA.newShot(admin, studioA.newProject(admin, "Общий предел"), "Очередь");
        String model = StudioRuns.modelId(admin, StudioRuns.FLUX_SCHNELL);
        Studio.Person onB =
                new Studio.Person(admin.username(), admin.token(), studioB.api().as(admin.token()));
        List<String> generations = new ArrayList<>();
        for (int i = 0; i < 3 * FAL_LIMIT; i++) {
            Studio.Person through = i % 2 == 0 ? admin : onB;
            generations.addAll(StudioRuns.generate(through, shot, model, List.of("очередь " + i)));
        }
        Set<String> runners = new TreeSet<>();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    runners.addAll(b.getBean(JdbcClient.class)
                            .sql("select picked_by from scheduled_tasks where picked and task_name = 'generation'")
                            .query(String.class)
                            .list());
                    return StudioRuns.count(
                                    b,
                                    "select count(*) from generations where status in ('DONE', 'FAILED', 'CANCELLED')")
                            == generations.size();
                });

        for (String generation : generations) {
            assertThat(onB.api().get("/api/v1/generations/" + generation).string("status"))
                    .isEqualTo("done");
        }
        assertThat(runners).as("instances that ran generations").containsExactly("kadr-a", "kadr-b");
        assertThat(fal.maxInFlight.get())
                .as("most requests in flight at the queue")
                .isLessThanOrEqualTo(FAL_LIMIT);
        assertThat(fal.maxInFlight.get()).as("the limit was actually used").isEqualTo(FAL_LIMIT);
    }

    private static Api.Response login(Api api, String username, String password) {
        return api.post("/api/v1/auth/tokens", Map.of("username", username, "password", password, "name", "x"));
    }

    private static String newSecretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private Process startChild(int port) throws IOException {
        Map<String, Object> own = settingsOf("kadr-a", dataA);
        own.put("server.port", port);
        own.put("server.address", "127.0.0.1");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g",
                // Starts sooner on a busy machine; the studio's own work here is small.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                KadrApplication.class.getName()));
        command.addAll(List.of(runs.arguments(own)));
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logOfA().toFile())
                .start();
    }

    private Path logOfA() {
        return logs.resolve("two-instances-" + bucket + "-a.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
