package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Fixtures of the sharing tests: links over the owner's API, and shots with a ready headliner. */
final class Sharing {

    private Sharing() {}

    static JsonNode newLink(Studio.Person owner, String projectId) {
        return newLink(owner, projectId, Map.of());
    }

    static JsonNode newLink(Studio.Person owner, String projectId, Map<String, Object> options) {
        Api.Response created = owner.api().post("/api/v1/projects/" + projectId + "/share-links", options);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The client writes a comment on a shot through the link, as «Ирина». */
    static void comment(PublicClient client, String token, String shotRef, String text) {
        PublicClient.Answer posted = client.post(
                "/api/v1/public/" + token + "/comments",
                Map.of("shotRef", shotRef, "authorName", "Ирина", "text", text));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    }

    /** The client answers on a shot of the version the link shows: {@code approved} or {@code changes}. */
    static void answer(PublicClient client, String token, String shotRef, String decision, @Nullable String comment) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        PublicClient.Answer answered = client.put("/api/v1/public/" + token + "/shots/" + shotRef + "/approval", body);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    /** Uploads an image into a shot, waits for its derivatives and makes it the shot's headliner. */
    static String headliner(Studio studio, Studio.Person owner, String shotId, String fileName, byte[] bytes) {
        String asset = studio.upload(owner, shotId, new Api.NamedBytes(fileName, bytes))
                .getFirst();
        assertThat(studio.awaitProcessed(owner, asset).path("mediaStatus").asString())
                .isEqualTo("ready");
        makeHeadliner(owner, shotId, asset);
        return asset;
    }

    static void makeHeadliner(Studio.Person owner, String shotId, String assetId) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("headlinerAssetId", assetId);
        Api.Response patched = owner.api().patch("/api/v1/shots/" + shotId, body);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    /** Waits until every headliner the link shows has its full-quality rendition, and answers the view then. */
    static JsonNode awaitRenditions(PublicClient client, String token) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .alias("review renditions of " + token)
                .until(
                        () -> client.get("/api/v1/public/" + token).json(),
                        view -> StreamSupport.stream(view.path("shots").spliterator(), false)
                                .map(shot -> shot.path("headliner"))
                                .filter(JsonNode::isObject)
                                .allMatch(headliner ->
                                        "ready".equals(headliner.path("review").asString())));
    }

    static byte[] png() {
        return Samples.png(640, 360);
    }
}
