package app.kadr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.media.FfmpegRunner;
import app.kadr.media.VideoInfo;
import app.kadr.media.VideoProbe;
import app.kadr.support.Api;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import com.github.kagkarlsson.scheduler.task.Task;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A take cut for each social platform: every format becomes a take of its platform's size in the same shot, framed
 * around the focal point the person set (or the subject Kadr found), made by a durable job.
 */
@KadrTest
@VendorNeutral
class PlatformVersionApiTests {

    /** The take: a landscape picture, plain grey but for a red mark near its right edge. */
    private static final int WIDTH = 1600;

    private static final int HEIGHT = 900;

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    Studio.Person person;
    String shot;
    String still;

    @BeforeEach
    void aTakeWithAMarkNearItsRightEdge() {
        person = studio.newPerson();
        shot = studio.newShot(person, studio.newProject(person, "Соцсети"), "Афиша");
        still = studio.upload(
                        person, shot, new NamedBytes("афиша.png", Samples.markedPng(WIDTH, HEIGHT, 1440, 400, 100)))
                .getFirst();
        studio.awaitProcessed(person, still);
    }

    @Test
    void everyFormatBecomesATakeOfItsPlatformsSizeInTheSameShotAroundTheFocus() throws IOException {
        Api.Response started = person.api()
                .post(
                        "/api/v1/assets/" + still + "/platform-versions",
                        Map.of(
                                "formats", List.of("reels", "feed", "square", "youtube", "telegram"),
                                "focus", Map.of("x", 0.93, "y", 0.5)));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("status").asString()).isEqualTo("queued");
        JsonNode done = awaitFinished(still, started.id());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("sourceAssetId").asString()).isEqualTo(still);
        Map<String, int[]> sizes = Map.of(
                "reels", new int[] {1080, 1920},
                "feed", new int[] {1080, 1350},
                "square", new int[] {1080, 1080},
                "youtube", new int[] {1920, 1080},
                "telegram", new int[] {1280, 720});
        Map<String, String> names = Map.of(
                "reels", "Reels 9:16.jpg",
                "feed", "Лента 4:5.jpg",
                "square", "Квадрат 1:1.jpg",
                "youtube", "YouTube 16:9.jpg",
                "telegram", "Telegram.jpg");
        assertThat(done.path("takes")).hasSize(5);
        for (JsonNode made : done.path("takes")) {
            String format = made.path("format").asString();
            JsonNode take = studio.awaitProcessed(person, made.path("assetId").asString());
            assertThat(take.path("shotId").asString()).isEqualTo(shot);
            assertThat(take.path("origin").asString()).isEqualTo("version");
            assertThat(take.path("fileName").asString()).isEqualTo(names.get(format));
            BufferedImage picture = original(take);
            assertThat(new int[] {picture.getWidth(), picture.getHeight()})
                    .as(format)
                    .containsExactly(sizes.get(format));
            assertThat(Samples.redShare(picture))
                    .as("the mark is in the %s version", format)
                    .isGreaterThan(0.001);
        }
        assertThat(person.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .hasSize(6);
    }

    @Test
    void aFocusOnTheOtherSideLeavesTheMarkOutOfTheNarrowCuts() throws IOException {
        JsonNode done = versions(Map.of("formats", List.of("reels", "youtube"), "focus", Map.of("x", 0.1, "y", 0.5)));

        assertThat(Samples.redShare(original(takeOf(done, "reels")))).isZero();
        // 16:9 of a 16:9 picture is the whole picture, wherever the focus.
        assertThat(Samples.redShare(original(takeOf(done, "youtube")))).isGreaterThan(0.001);
    }

    @Test
    void withoutAFocusTheVersionIsFramedAroundTheSubjectFoundInThePicture() throws IOException {
        JsonNode done = versions(Map.of("formats", List.of("reels")));

        assertThat(done.path("focus").path("x").asDouble()).isGreaterThan(0.8);
        assertThat(done.path("focus").path("y").asDouble()).isBetween(0.4, 0.6);
        assertThat(Samples.redShare(original(takeOf(done, "reels")))).isGreaterThan(0.001);
    }

    @Test
    void aVideoBecomesAnH264ClipOfThePlatformsSizeWithItsSoundAndItsIndexFirst() throws Exception {
        String clip = studio.upload(person, shot, new NamedBytes("ролик.mp4", Samples.video("mp4", 2)))
                .getFirst();
        studio.awaitProcessed(person, clip);

        JsonNode done = versionsOf(clip, Map.of("formats", List.of("reels"), "focus", Map.of("x", 0.5, "y", 0.5)));

        JsonNode take = takeOf(done, "reels");
        assertThat(take.path("kind").asString()).isEqualTo("video");
        assertThat(take.path("fileName").asString()).isEqualTo("Reels 9:16.mp4");
        byte[] bytes =
                person.api().get(take.path("urls").path("original").asString()).bytes();
        Path file = Files.createTempFile("reels", ".mp4");
        try {
            Files.write(file, bytes);
            VideoInfo info = VideoProbe.of(FfmpegRunner.withBundledFfmpeg()).probe(file);
            assertThat(info.width()).isEqualTo(1080);
            assertThat(info.height()).isEqualTo(1920);
            assertThat(info.codec()).isEqualTo("h264");
            assertThat(info.pixelFormat()).isEqualTo("yuv420p");
            assertThat(info.hasAudio()).isTrue();
            assertThat(info.durationMs()).isBetween(1800L, 2200L);
        } finally {
            Files.deleteIfExists(file);
        }
        String boxes = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(boxes.indexOf("moov"))
                .as("faststart: the index before the media")
                .isLessThan(boxes.indexOf("mdat"));
    }

    @Test
    void badRequestsAreRefusedInRussianAndWriteNothing() {
        Map<String, Object> noFormats = Map.of("formats", List.of());
        Map<String, Object> unknown = Map.of("formats", List.of("reels", "tiktok"));
        Map<String, Object> outside = Map.of("formats", List.of("reels"), "focus", Map.of("x", 1.5, "y", 0.5));
        Map<String, Object> half = Map.of("formats", List.of("reels"), "focus", Map.of("x", 0.5));

        assertRefused(still, noFormats, 400, "Выберите хотя бы один формат");
        assertRefused(still, unknown, 400, "Неизвестный формат «tiktok»");
        assertRefused(still, outside, 400, "от 0 до 1");
        assertRefused(still, half, 400, "от 0 до 1");
        Studio.Person stranger = studio.newPerson();
        Api.Response foreign = stranger.api()
                .post("/api/v1/assets/" + still + "/platform-versions", Map.of("formats", List.of("reels")));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(stranger.api()
                        .get("/api/v1/assets/" + still + "/platform-versions")
                        .status())
                .isEqualTo(404);

        assertThat(person.api()
                        .get("/api/v1/assets/" + still + "/platform-versions")
                        .json())
                .isEmpty();
        assertThat(person.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .hasSize(1);
    }

    @Test
    void aTakeThatIsNeitherAPictureNorAClipIsRefused() {
        // As a sound take or a mask would be: their kinds cannot be cut into frames.
        jdbc.sql("update assets set kind = 'audio' where id = ?")
                .param(UUID.fromString(still))
                .update();

        assertRefused(still, Map.of("formats", List.of("reels")), 400, "только из фото и видео");
    }

    @Test
    void theVersionsAreADurableJobThatAnInstanceLeftBehindIsStillDone(@Autowired List<Task<?>> tasks) {
        assertThat(tasks).extracting(Task::getName).contains(PlatformVersionJobs.TASK);
        // As if the request had been committed and the process killed before its job ran:
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into platform_versions (id, owner_id, source_asset_id, formats, focus_x, focus_y, status,
                          created_at)
                        select ?, p.owner_id, a.id, 'square', 0.9, 0.5, 'queued', ?
                        from assets a join shots s on s.id = a.shot_id join projects p on p.id = s.project_id
                        where a.id = ?""")
                .params(id, OffsetDateTime.now(ZoneOffset.UTC), UUID.fromString(still))
                .update();
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        values (?, ?, ?, false, 1)""")
                .params(
                        PlatformVersionJobs.TASK,
                        id.toString(),
                        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .update();

        JsonNode done = awaitFinished(still, id.toString());

        assertThat(done.path("status").asString()).isEqualTo("done");
        assertThat(done.path("takes").path(0).path("format").asString()).isEqualTo("square");
    }

    private void assertRefused(String assetId, Map<String, Object> body, int status, String detail) {
        Api.Response refused = person.api().post("/api/v1/assets/" + assetId + "/platform-versions", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains(detail);
    }

    private JsonNode versions(Map<String, Object> body) {
        return versionsOf(still, body);
    }

    private JsonNode versionsOf(String assetId, Map<String, Object> body) {
        Api.Response started = person.api().post("/api/v1/assets/" + assetId + "/platform-versions", body);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = awaitFinished(assetId, started.id());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        return done;
    }

    private JsonNode awaitFinished(String assetId, String versionId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            for (JsonNode version : person.api()
                                    .get("/api/v1/assets/" + assetId + "/platform-versions")
                                    .json()) {
                                if (version.path("id").asString().equals(versionId)) {
                                    return version;
                                }
                            }
                            return null;
                        },
                        version -> version != null
                                && !"queued".equals(version.path("status").asString()));
    }

    private JsonNode takeOf(JsonNode done, String format) {
        for (JsonNode made : done.path("takes")) {
            if (made.path("format").asString().equals(format)) {
                return studio.awaitProcessed(person, made.path("assetId").asString());
            }
        }
        throw new AssertionError("No " + format + " version in " + done);
    }

    private BufferedImage original(JsonNode take) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(
                person.api().get(take.path("urls").path("original").asString()).bytes()));
    }
}
