package app.kadr.generation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable job of a generation: one task instance per generation that reschedules itself to poll, so a
 * restart picks it up where the database says it was.
 */
@Component
class GenerationJobs {

    static final String TASK = "generation";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<CustomTask<Void>> task;

    GenerationJobs(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<CustomTask<Void>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Joins the caller's transaction: the job exists only if the generation row was committed. */
    void schedule(UUID generationId) {
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(generationId.toString()), Instant.now());
    }

    @Configuration
    static class Definition {

        @Bean
        CustomTask<Void> generationTask(GenerationRunner runner) {
            return Tasks.custom(TASK, Void.class)
                    // A bug, not a provider answer, ended the step: look again a little later instead of spinning.
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                    .execute((instance, context) -> {
                        Instant next = runner.step(UUID.fromString(instance.getId()));
                        return next == null
                                ? (CompletionHandler<Void>) (complete, operations) -> operations.remove()
                                : (complete, operations) -> operations.reschedule(complete, next);
                    });
        }
    }
}
