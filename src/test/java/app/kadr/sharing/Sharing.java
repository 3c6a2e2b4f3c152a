package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.HashMap;
import java.util.Map;
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

    static byte[] png() {
        return Samples.png(640, 360);
    }
}
