package app.kadr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fixture builders over the real API: new people, projects, shots and uploads, each unique to its test.
 */
@TestComponent
public class Studio {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct-horse-42";

    private final Environment environment;
    private final @Nullable JdbcClient jdbc;

    @Autowired
    public Studio(Environment environment, JdbcClient jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    /** A studio over a context started by hand (the chaos runs): it makes people over the API, but no admins. */
    public Studio(Environment environment) {
        this.environment = environment;
        this.jdbc = null;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public Api api() {
        return new Api(baseUrl(), null);
    }

    /** A browser without JavaScript, at the tests' own address. */
    public FormClient browser() {
        return new FormClient(baseUrl(), null);
    }

    /** A browser without JavaScript at a client address of its own, behind the tests' trusted proxy. */
    public FormClient browserFrom(String clientAddress) {
        return new FormClient(baseUrl(), clientAddress);
    }

    /** An address no other test uses, from the range kept for network tests (198.18.0.0/15). */
    public static String newAddress() {
        int n = SEQUENCE.incrementAndGet();
        return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    /** A person with an API token. */
    public record Person(String username, String token, Api api) {}

    public Person newPerson() {
        String username = "user" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        Api anonymous = api();
        Api.Response signup = anonymous.post(
                "/api/v1/auth/signup", Map.of("username", username, "password", PASSWORD, "displayName", "Тест"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        Api.Response token = anonymous.post(
                "/api/v1/auth/tokens", Map.of("username", username, "password", PASSWORD, "name", "tests"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.string("token");
        return new Person(username, secret, anonymous.as(secret));
    }

    /**
     * A new person made an admin in the database: the first account of the shared test studio may belong to any
     * test, so no test can count on being it.
     */
    public Person newAdmin() {
        if (jdbc == null) {
            throw new IllegalStateException("Admins are made in the database, which this studio was not given");
        }
        Person person = newPerson();
        jdbc.sql("update users set role = 'ADMIN' where username = ?")
                .param(person.username())
                .update();
        return person;
    }

    public String newProject(Person person, String name) {
        Api.Response project = person.api().post("/api/v1/projects", Map.of("name", name));
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        return project.id();
    }

    public String newShot(Person person, String projectId, String title) {
        Api.Response shot = person.api().post("/api/v1/projects/" + projectId + "/shots", Map.of("title", title));
        assertThat(shot.status()).as(shot.toString()).isEqualTo(201);
        return shot.id();
    }

    /**
     * Ready takes made long before anything uploaded now, straight into the table (uploading dozens of files would
     * only slow a test down; their files do not exist): two at each moment, so that a cursor has ties to break, and
     * every third a video.
     *
     * @return how many of them are videos
     */
    public int olderTakes(String shotId, int count) {
        if (jdbc == null) {
            throw new IllegalStateException("takes are written into the database only in a test context");
        }
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        int videos = 0;
        for (int i = 0; i < count; i++) {
            boolean video = i % 3 == 0;
            videos += video ? 1 : 0;
            jdbc.sql("""
                            insert into assets (id, shot_id, kind, origin, media_status, mime_type, bytes, width,
                              height, duration_ms, original_name, original_key, thumb_key, starred, created_at)
                            values (?, ?, ?, 'upload', 'ready', ?, 1000, 1600, 900, ?, ?, ?, ?, false, ?)""")
                    .params(
                            UUID.randomUUID(),
                            UUID.fromString(shotId),
                            video ? "video" : "image",
                            video ? "video/mp4" : "image/jpeg",
                            video ? 4000 : null,
                            "take-" + i + (video ? ".mp4" : ".jpg"),
                            "older/" + UUID.randomUUID(),
                            "older/" + UUID.randomUUID(),
                            java.sql.Timestamp.from(start.plusSeconds(i / 2)))
                    .update();
        }
        return videos;
    }

    /** Uploads files into a shot and answers the created assets' ids. */
    public java.util.List<String> upload(Person person, String shotId, Api.NamedBytes... files) {
        Api.Response created = person.api().upload("/api/v1/shots/" + shotId + "/assets", files);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        java.util.List<String> ids = new java.util.ArrayList<>();
        created.json().forEach(asset -> ids.add(asset.path("id").asString()));
        return ids;
    }

    /** A project's shot headlined by a processed video, shown to a client by a new live share link. */
    public record SharedVideo(String project, String shot, String clip, String link) {}

    /** Makes a {@link SharedVideo}: a project, one shot, a video of {@code seconds} as its headliner, a link. */
    public SharedVideo sharedVideo(Person owner, String projectName, String shotTitle, String fileName, int seconds) {
        String project = newProject(owner, projectName);
        String shot = newShot(owner, project, shotTitle);
        String clip = upload(owner, shot, new Api.NamedBytes(fileName, Samples.video("mp4", seconds)))
                .getFirst();
        awaitProcessed(owner, clip);
        Map<String, Object> headliner = new java.util.HashMap<>();
        headliner.put("headlinerAssetId", clip);
        owner.api().patch("/api/v1/shots/" + shot, headliner);
        String link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json()
                .path("url")
                .asString();
        return new SharedVideo(project, shot, clip, link);
    }

    /** Waits for the media pipeline to finish with an asset, and answers the asset as it then is. */
    public JsonNode awaitProcessed(Person person, String assetId) {
        return await(
                () -> person.api().get("/api/v1/assets/" + assetId).json(),
                asset -> !"processing".equals(asset.path("mediaStatus").asString()),
                "asset " + assetId);
    }

    /** Waits until a generation has ended (done, failed or cancelled), and answers it as it then is. */
    public JsonNode awaitGeneration(Person person, String generationId) {
        return await(
                () -> person.api().get("/api/v1/generations/" + generationId).json(),
                generation -> Set.of("done", "failed", "cancelled")
                        .contains(generation.path("status").asString()),
                "generation " + generationId);
    }

    /**
     * Starts a generation in a shot, waits until it is done and its first take has been processed, and answers that
     * take's id.
     */
    public String generate(Person person, String shotId, Map<String, ?> request) {
        Api.Response started = person.api().post("/api/v1/shots/" + shotId + "/generations", request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return awaitTake(person, started.json().get(0).path("id").asString());
    }

    /** Waits until a generation is done (failing the test otherwise) and its first take is processed; answers it. */
    public String awaitTake(Person person, String generationId) {
        JsonNode done = awaitGeneration(person, generationId);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        String asset = done.path("assetIds").path(0).asString();
        awaitProcessed(person, asset);
        return asset;
    }

    /** Animates a still with the offline engine's pan and zoom, and answers the generation once it is done. */
    public JsonNode animate(Person person, String stillId, int seconds) {
        Api.Response animation = person.api()
                .post(
                        "/api/v1/assets/" + stillId + "/animate",
                        Map.of("modelId", localModel(person, "local/pan-zoom"), "params", Map.of("duration", seconds)));
        assertThat(animation.status()).as(animation.toString()).isEqualTo(202);
        JsonNode done = awaitGeneration(person, animation.id());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        return done;
    }

    /** The id of one of the offline engine's models, e.g. {@code local/draft}. */
    public String localModel(Person person, String externalId) {
        for (JsonNode model :
                person.api().get("/api/v1/models?provider=local").json().path("items")) {
            if (model.path("externalId").asString().equals(externalId)) {
                return model.path("id").asString();
            }
        }
        throw new AssertionError("No local model " + externalId);
    }

    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> finished, String what) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .alias(what + " finished")
                .until(read::get, finished);
    }
}
