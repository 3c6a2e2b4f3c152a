package app.kadr.generation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts an ended generation back where a kill in the middle of its submit leaves it: pending, the submit marker set
 * (with the id the studio chose for the request, where the provider takes one), no provider request id and no
 * result, its slot still held, and its durable job due.
 */
final class CutShort {

    private CutShort() {}

    static void duringItsSubmit(JdbcClient jdbc, GenerationJobs jobs, String id, @Nullable String requestId)
            throws InterruptedException {
        UUID generation = UUID.fromString(id);
        // The ended job removes itself just after the generation ends; a new one is scheduled only once it is gone.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .alias("the ended job of " + id + " removed")
                .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                                .param(id)
                                .query(Integer.class)
                                .single()
                        == 0);
        jdbc.sql("delete from generation_results where generation_id = ?")
                .param(generation)
                .update();
        jdbc.sql("""
                        update generations set status = 'PENDING', provider_request_id = null, attempts = 0,
                          error_code = null, error_field = null, progress = null, cost = null, finished_at = null,
                          submit_started_at = current_timestamp, submit_request_id = ? where id = ?""").params(requestId, generation).update();
        jdbc.sql("""
                        insert into generation_slots (generation_id, provider_id)
                        select id, provider_id from generations where id = ?""").param(generation).update();
        jobs.schedule(generation);
    }
}
