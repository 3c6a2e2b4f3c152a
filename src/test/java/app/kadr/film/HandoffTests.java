package app.kadr.film;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Handing the film to an editor: the timelines name the originals in order with the shots' lengths at the project's
 * 24 fps and carry the client's comments; the ZIP holds those very files.
 */
@KadrTest
@VendorNeutral
class HandoffTests {

    private static final byte[] VIDEO = Samples.video("mp4", 2);
    private static final byte[] STILL = Samples.png(640, 360);

    /**
     * A 2 s video (48 frames) in a shot set to 2.5 s (12 frames of black after it), a still held 3 s (72), a shot
     * without a take (72): 8.5 s from 01:00:00:00.
     */
    private static final List<Timelines.Event> FILM = List.of(
            new Timelines.Event("010_les_take1.mp4", 86_400, 48, List.of()),
            new Timelines.Event(null, 86_448, 12, List.of()),
            new Timelines.Event("020_doroga_take2.png", 86_460, 72, List.of("Анна: Светлее, пожалуйста")),
            new Timelines.Event(null, 86_532, 72, List.of()));

    @Autowired
    Studio studio;

    Studio.Person owner;
    String project;

    @BeforeEach
    void aFilmOfAVideoAStillAndAnEmptyShot() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Осенний лес");
        String forest = studio.newShot(owner, project, "Лес");
        String road = studio.newShot(owner, project, "Дорога");
        studio.newShot(owner, project, "Дом");
        headliner(
                forest,
                studio.upload(owner, forest, new Api.NamedBytes("forest.mp4", VIDEO))
                        .getFirst());
        Api.Response longer = owner.api().patch("/api/v1/shots/" + forest, Map.of("durationMs", 2500));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        List<String> roadTakes = studio.upload(
                owner, road, new Api.NamedBytes("draft.png", STILL), new Api.NamedBytes("road.png", STILL));
        headliner(road, roadTakes.get(1));
        String token = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .string("token");
        Api.Response comment = studio.api()
                .post(
                        "/api/v1/public/" + token + "/shots/" + road + "/comments",
                        Map.of("authorName", "Анна", "text", "Светлее,\nпожалуйста"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
    }

    private void headliner(String shot, String asset) {
        studio.awaitProcessed(owner, asset);
        Map<String, Object> body = Map.of("headlinerAssetId", asset);
        assertThat(owner.api().patch("/api/v1/shots/" + shot, body).status()).isEqualTo(200);
    }

    private Api.Response get(String file) {
        Api.Response answer = owner.api().get("/api/v1/projects/" + project + "/" + file, Map.of("Accept", "*/*"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer;
    }

    @Test
    void theEdlListsTheHeadlinersInOrderWithTheirLengthsAndTheCommentsAsLocators() {
        Api.Response edl = get("timeline.edl");
        assertThat(edl.headers().getContentDisposition().getFilename()).isEqualTo("osenniy_les.edl");
        assertThat(Timelines.edl(edl.text(), 24)).isEqualTo(FILM);
    }

    @Test
    void theFcpxmlParsesAndItsSpineAddsUp() throws Exception {
        assertThat(Timelines.fcpxml(get("timeline.fcpxml").bytes())).isEqualTo(FILM);
    }

    @Test
    void theOtioParsesWithItsSchemaNamesAndAddsUp() {
        assertThat(Timelines.otio(get("timeline.otio").bytes())).isEqualTo(FILM);
    }

    @Test
    void theHandoffZipHoldsTheOriginalsByteForByteBesideTheTimelines() throws IOException {
        Api.Response zip = get("handoff.zip");
        assertThat(zip.headers().getContentType()).hasToString("application/zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries)
                .containsOnlyKeys(
                        "010_les_take1.mp4",
                        "020_doroga_take2.png",
                        "osenniy_les.edl",
                        "osenniy_les.fcpxml",
                        "osenniy_les.otio");
        assertThat(entries.get("010_les_take1.mp4")).isEqualTo(VIDEO);
        assertThat(entries.get("020_doroga_take2.png")).isEqualTo(STILL);
        assertThat(Timelines.otio(entries.get("osenniy_les.otio"))).isEqualTo(FILM);
        assertThat(new String(entries.get("osenniy_les.edl"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(get("timeline.edl").text());
    }

    @Test
    void someoneElsesProjectHasNoTimeline() {
        Api.Response stranger =
                studio.newPerson().api().get("/api/v1/projects/" + project + "/timeline.edl", Map.of("Accept", "*/*"));
        assertThat(stranger.status()).isEqualTo(404);
    }
}
