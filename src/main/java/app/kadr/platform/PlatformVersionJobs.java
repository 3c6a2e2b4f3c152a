package app.kadr.platform;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable job that makes one request's versions. It lives in the database: a restart, or another instance,
 * picks it up, and it goes on with the formats not yet made.
 */
@Component
class PlatformVersionJobs {

    static final String TASK = "platform-versions";
    static final int ATTEMPTS = 3;

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<UUID>> task;

    /** Other modules have one-time tasks with an id as their data too: this one is asked for by its bean name. */
    PlatformVersionJobs(
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("platformVersionsTask") ObjectProvider<OneTimeTask<UUID>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Joins the caller's transaction: the job exists only if the request was committed. */
    void schedule(UUID versionId) {
        scheduler
                .getObject()
                .scheduleIfNotExists(task.getObject().instance(versionId.toString(), versionId), Instant.now());
    }

    @Configuration
    static class Definition {

        @Bean
        OneTimeTask<UUID> platformVersionsTask(PlatformVersionMaker maker) {
            return Tasks.oneTime(TASK, UUID.class)
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                            ATTEMPTS, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2))))
                    .execute((instance, context) -> {
                        UUID versionId = UUID.fromString(instance.getId());
                        try {
                            maker.make(versionId);
                        } catch (Exception e) {
                            if (context.getExecution().consecutiveFailures + 1 >= ATTEMPTS) {
                                maker.giveUp(versionId);
                                return;
                            }
                            throw new IllegalStateException("Platform versions " + versionId + " failed", e);
                        }
                    });
        }
    }
}
