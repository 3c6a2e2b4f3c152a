package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.KadrProperties;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Repair rebuilds the derivatives a disk lost, and leaves complete assets alone. */
@KadrTest
class RepairTests {

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KadrProperties properties;

    @Test
    void aLostThumbnailIsRebuiltByRepair() throws Exception {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Ремонт");
        String shot = studio.newShot(person, project, "Шот");
        String id = studio.upload(person, shot, new NamedBytes("a.png", Samples.png(400, 300)))
                .getFirst();
        JsonNode before = studio.awaitProcessed(person, id);
        String thumbKey = jdbc.sql("select thumb_key from assets where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        Files.delete(properties.dataDir().resolve("blobs").resolve(thumbKey));
        assertThat(person.api()
                        .get(before.path("urls").path("thumb").asString())
                        .status())
                .isEqualTo(404);

        int queued = person.api()
                .post("/api/v1/projects/" + project + "/repair", null)
                .json()
                .path("queued")
                .asInt();
        JsonNode after = studio.awaitProcessed(person, id);

        assertThat(queued).isEqualTo(1);
        assertThat(after.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(person.api().get(after.path("urls").path("thumb").asString()).status())
                .isEqualTo(200);
        assertThat(after.path("urls").path("thumb").asString())
                .isNotEqualTo(before.path("urls").path("thumb").asString());
    }

    @Test
    void completeAssetsAreNotRebuilt() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Целый");
        String shot = studio.newShot(person, project, "Шот");
        String id = studio.upload(person, shot, new NamedBytes("a.png", Samples.png(40, 30)))
                .getFirst();
        studio.awaitProcessed(person, id);

        assertThat(person.api()
                        .post("/api/v1/projects/" + project + "/repair", null)
                        .json()
                        .path("queued")
                        .asInt())
                .isZero();
    }
}
