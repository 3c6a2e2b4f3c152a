package app.kadr.asset;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The durable job that processes an asset's media; one instance per asset, so it is never queued twice. */
@Component
class MediaJobs {

    static final String TASK = "asset-media";
    static final int ATTEMPTS = 3;

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Void>> task;

    MediaJobs(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<Void>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Joins the caller's transaction: the job exists only if the asset row was committed. */
    void schedule(UUID assetId) {
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(assetId.toString()), Instant.now());
    }

    @Configuration
    static class Definition {

        @Bean
        OneTimeTask<Void> assetMediaTask(MediaProcessing processing) {
            return Tasks.oneTime(TASK)
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                            ATTEMPTS, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2))))
                    .execute((instance, context) -> {
                        UUID assetId = UUID.fromString(instance.getId());
                        try {
                            processing.process(assetId);
                        } catch (Exception e) {
                            if (context.getExecution().consecutiveFailures + 1 >= ATTEMPTS) {
                                processing.giveUp(assetId);
                                return;
                            }
                            throw new IllegalStateException("Processing asset " + assetId + " failed", e);
                        }
                    });
        }
    }
}
