package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.KadrApplication;
import app.kadr.support.Api;
import app.kadr.support.EventStream;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * Two Kadr instances on one PostgreSQL schema and one store, as behind a balancer: A is a real child process (so it
 * can be killed with {@code kill -9}), B runs in this JVM. Whatever one accepts, the other serves; a page on B hears
 * A's changes; a generation A started is finished by B once A is dead.
 */
@Tag("api")
class TwoInstancesTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private final FalQueueFake fal = new FalQueueFake(Duration.ofSeconds(4), Duration.ofMillis(50), 0.0);
    private final StudioRuns runs = new StudioRuns(StudioRuns.quickPacing());
    private final Path logs = Path.of("target", "test-data").toAbsolutePath();
    private Process a;
    private ConfigurableApplicationContext b;
    private Studio studioA;
    private Studio studioB;

    /**
     * The store both instances use: for now the run's data folder, which both share (see {@link StudioRuns}); an S3
     * bucket's settings go here.
     */
    private static Map<String, Object> sharedStore() {
        return Map.of();
    }

    @BeforeEach
    void startBoth() throws Exception {
        Assumptions.assumeTrue(
                TestDatabase.postgres(), "several instances share PostgreSQL; the embedded H2 serves one alone");
        fal.start();
        int port = freePort();
        a = startChild(port);
        studioA = new Studio(new MockEnvironment().withProperty("local.server.port", String.valueOf(port)));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> studioA.api().get("/actuator/health").status() == 200);
        Map<String, Object> ownB = new java.util.HashMap<>(sharedStore());
        ownB.put("kadr.instance-name", "kadr-b");
        b = runs.start(ownB);
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
    void aTakeUploadedThroughOneInstanceIsServedByTheOther() {
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

        a.destroyForcibly().waitFor();
        Studio.Person onB =
                new Studio.Person(admin.username(), admin.token(), studioB.api().as(admin.token()));
        JsonNode finished = studioB.awaitGeneration(onB, generation);

        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("done");
        assertThat(fal.acceptedByPrompt.get("маяк, пережить kill -9").get())
                .as("submits the provider accepted")
                .isEqualTo(1);
        assertThat(studioB.awaitTake(onB, generation)).isNotBlank();
    }

    private Process startChild(int port) throws IOException {
        Map<String, Object> own = new java.util.HashMap<>(sharedStore());
        own.put("server.port", port);
        own.put("server.address", "127.0.0.1");
        own.put("kadr.instance-name", "kadr-a");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                KadrApplication.class.getName()));
        command.addAll(List.of(runs.arguments(own)));
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("two-instances-a.log").toFile())
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
