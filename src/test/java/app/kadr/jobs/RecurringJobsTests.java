package app.kadr.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.KadrTest;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The studio's recurring jobs (the storage sweep, the expiry of direct uploads) are scheduled by the studio itself
 * and keep coming round: a job that is only known to the scheduler would never run.
 */
@KadrTest
@TestPropertySource(properties = "kadr.storage.sweep-interval=1s")
class RecurringJobsTests {

    @Autowired
    SchedulerClient jobs;

    @Test
    void everyRecurringJobHasItsNextRunOnceTheStudioHasStarted() {
        assertThat(next("storage-sweep")).isPresent();
        assertThat(next("direct-upload-expiry")).isPresent();
    }

    @Test
    void theStorageSweepComesRoundAgainAndAgain() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(next("storage-sweep")
                                .map(ScheduledExecution::getLastSuccess)
                                .orElse(null))
                        .isNotNull());
        var first = next("storage-sweep").orElseThrow().getLastSuccess();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(next("storage-sweep").orElseThrow().getLastSuccess())
                                .isAfter(first));
    }

    private Optional<ScheduledExecution<Object>> next(String task) {
        return jobs.getScheduledExecution(TaskInstanceId.of(task, RecurringTask.INSTANCE));
    }
}
