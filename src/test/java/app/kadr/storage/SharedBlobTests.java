package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A take copied into another shot shares its files with the source. The sweep of orphan files must keep them
 * while either take remains, in the trash or not.
 */
@KadrTest
class SharedBlobTests {

    @Autowired
    Studio studio;

    @Autowired
    OrphanSweep sweep;

    @Test
    void aFileSharedByACopyOutlivesTheSourceInTheTrashAndTheSweep() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Общие файлы");
        String first = studio.newShot(owner, project, "Первый");
        String second = studio.newShot(owner, project, "Второй");
        String source = studio.upload(owner, first, new Api.NamedBytes("кадр.png", Samples.png(320, 200)))
                .getFirst();
        JsonNode take = studio.awaitProcessed(owner, source);
        Api.Response copied = owner.api().post("/api/v1/assets/" + source + "/copy", Map.of("shotId", second));
        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        JsonNode copy = copied.json();
        for (String variant : new String[] {"original", "thumb", "preview"}) {
            String sourceUrl = take.path("urls").path(variant).asString();
            String copyUrl = copy.path("urls").path(variant).asString();
            assertThat(version(copyUrl)).as("the copy names the same blob").isEqualTo(version(sourceUrl));
        }

        assertThat(owner.api().delete("/api/v1/assets/" + source).status()).isEqualTo(204);
        sweep.sweep(Instant.now().plusSeconds(60));

        for (String variant : new String[] {"original", "thumb", "preview"}) {
            Api.Response file = owner.api().get(copy.path("urls").path(variant).asString());
            assertThat(file.status()).as(variant).isEqualTo(200);
            assertThat(file.bytes()).as(variant).isNotEmpty();
        }
        // Restored from the trash after the sweep, the source still has every file too.
        assertThat(owner.api()
                        .post("/api/v1/assets/" + source + "/restore", null)
                        .status())
                .isEqualTo(200);
        Api.Response original =
                owner.api().get(take.path("urls").path("original").asString());
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.bytes())
                .isEqualTo(owner.api()
                        .get(copy.path("urls").path("original").asString())
                        .bytes());
    }

    /** The version part of a file address: derived from the blob key, so equal versions mean the same blob. */
    private static String version(String url) {
        return url.substring(url.indexOf("v=") + 2);
    }
}
