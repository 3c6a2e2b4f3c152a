package app.kadr.film;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable job that makes an export; one instance per export. If the studio stops mid-way, the job runs again
 * from the start when it is found dead (its segments were in a work folder that did not survive).
 */
@Component
class ExportJobs {

    static final String TASK = "film-export";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<UUID>> task;

    ExportJobs(
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("filmExportTask") ObjectProvider<OneTimeTask<UUID>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Joins the caller's transaction: the job exists only if the export row was committed. */
    void schedule(UUID exportId) {
        scheduler
                .getObject()
                .scheduleIfNotExists(task.getObject().instance(exportId.toString(), exportId), Instant.now());
    }

    @Configuration
    static class Definition {

        @Bean
        OneTimeTask<UUID> filmExportTask(ExportRun run) {
            // Failures are recorded on the export by the run itself; a render that failed once fails again.
            return Tasks.oneTime(TASK, UUID.class).execute((instance, context) -> run.run(instance.getData()));
        }
    }
}
