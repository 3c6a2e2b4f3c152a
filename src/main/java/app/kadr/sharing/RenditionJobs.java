package app.kadr.sharing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Asks for the review renditions of the headliners a link shows, and the durable job that makes each: it lives in
 * the database, so a restart or another instance picks it up. One job per asset, whatever number of versions and
 * links show it.
 */
@Component
class RenditionJobs {

    static final String TASK = "share-rendition";
    static final int ATTEMPTS = 3;

    private final Renditions renditions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<UUID>> task;

    /** Other modules have one-time tasks with an id as their data too: this one is asked for by its bean name. */
    RenditionJobs(
            Renditions renditions,
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("shareRenditionTask") ObjectProvider<OneTimeTask<UUID>> task) {
        this.renditions = renditions;
        this.scheduler = scheduler;
        this.task = task;
    }

    /**
     * Joins the caller's transaction: a rendition is asked for, and its job exists, only if what shows it (a
     * version, a live link being looked at) was committed.
     */
    void request(UUID ownerId, List<ClientStoryboard.Row> rows) {
        for (ClientStoryboard.Row row : rows) {
            ClientStoryboard.Files files = row.headliner();
            if (files != null && renditions.request(files.assetId(), ownerId, files.kind())) {
                scheduler
                        .getObject()
                        .scheduleIfNotExists(
                                task.getObject().instance(files.assetId().toString(), files.assetId()), Instant.now());
            }
        }
    }

    @Configuration
    static class Definition {

        @Bean
        OneTimeTask<UUID> shareRenditionTask(RenditionMaker maker) {
            return Tasks.oneTime(TASK, UUID.class)
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                            ATTEMPTS, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2))))
                    .execute((instance, context) -> {
                        UUID assetId = UUID.fromString(instance.getId());
                        try {
                            maker.make(assetId);
                        } catch (Exception e) {
                            if (context.getExecution().consecutiveFailures + 1 >= ATTEMPTS) {
                                maker.giveUp(assetId);
                                return;
                            }
                            throw new IllegalStateException("Review rendition of " + assetId + " failed", e);
                        }
                    });
        }
    }
}
