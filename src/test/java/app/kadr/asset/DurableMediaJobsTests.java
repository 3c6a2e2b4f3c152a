package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Media jobs live in the database, not in memory: a job left behind by an instance that died before running it
 * is run by whichever instance is alive.
 */
@KadrTest
class DurableMediaJobsTests {

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobLeftInTheDatabaseByADeadInstanceIsStillDone() {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Перезапуск"), "Шот");
        String id = studio.upload(person, shot, new NamedBytes("a.png", Samples.png(300, 200)))
                .getFirst();
        studio.awaitProcessed(person, id);
        // As if the upload had been committed and the process killed before its job ran:
        jdbc.sql("update assets set media_status = 'processing', thumb_key = null, preview_key = null"
                        + " where id = ?::uuid")
                .param(id)
                .update();
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        values (?, ?, ?, false, 1)""")
                .params(MediaJobs.TASK, id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .update();

        JsonNode asset = studio.awaitProcessed(person, id);

        assertThat(asset.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(person.api().get(asset.path("urls").path("thumb").asString()).status())
                .isEqualTo(200);
    }
}
