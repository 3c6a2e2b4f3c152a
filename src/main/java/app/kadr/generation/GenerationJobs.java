package app.kadr.generation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable job of a generation: one task instance per generation that reschedules itself to poll, so a
 * restart picks it up where the database says it was.
 *
 * <p>The scheduler only looks for due jobs now and then; a generation's next step is usually a second or two
 * away, so waiting for that look would add up to a polling interval to every step. Steps due soon are therefore
 * also nudged from memory at their time, and a freed provider slot wakes the next job in line at once. Both are
 * shortcuts only: the rows stay the truth, and a lost nudge just means the regular look finds the step.
 */
@Component
class GenerationJobs implements DisposableBean {

    static final String TASK = "generation";
    /** Steps further away than this are left to the scheduler's regular look. */
    static final Duration NUDGE_WITHIN = Duration.ofSeconds(5);
    /** A job busy when news arrives is tried this many times, this far apart. */
    private static final int NEWS_TRIES = 4;

    private static final Duration NEWS_RETRY = Duration.ofMillis(500);
    /** A step that failed past the runner waits this long before it runs again. */
    private static final Duration STEP_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(GenerationJobs.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<CustomTask<Void>> task;
    private final ScheduledExecutorService nudges = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "generation-nudges");
        thread.setDaemon(true);
        return thread;
    });

    GenerationJobs(ObjectProvider<Scheduler> scheduler, ObjectProvider<CustomTask<Void>> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Joins the caller's transaction: the job exists only if the generation row was committed. */
    void schedule(UUID generationId) {
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(generationId.toString()), Instant.now());
    }

    /**
     * Runs a waiting generation's next step now. Answers false when its job is running a step at this moment
     * (or is gone), which the scheduler refuses to move.
     */
    boolean wake(UUID generationId) {
        try {
            return scheduler.getObject().reschedule(TaskInstanceId.of(TASK, generationId.toString()), Instant.now());
        } catch (RuntimeException busyOrGone) {
            log.debug("Generation {} could not be woken: {}", generationId, busyOrGone.toString());
            return false;
        }
    }

    /**
     * Runs a waiting generation's next step now because its provider announced news (a webhook). A job busy with
     * a step right now may have asked the provider just before the news, so it is tried again a little later.
     */
    void wakeOnNews(UUID generationId) {
        wakeOnNews(generationId, NEWS_TRIES);
    }

    private void wakeOnNews(UUID generationId, int tries) {
        if (wake(generationId)) {
            nudgeAt(Instant.now());
        } else if (tries > 1 && !nudges.isShutdown()) {
            nudges.schedule(() -> wakeOnNews(generationId, tries - 1), NEWS_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Has the scheduler look for due jobs at {@code when}, if that is soon. */
    void nudgeAt(Instant when) {
        long delay = Duration.between(Instant.now(), when).toMillis();
        if (delay <= NUDGE_WITHIN.toMillis() && !nudges.isShutdown()) {
            nudges.schedule(
                    () -> scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions),
                    Math.max(0, delay),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        nudges.shutdownNow();
    }

    @Configuration
    static class Definition {

        @Bean
        CustomTask<Void> generationTask(GenerationRunner runner, GenerationJobs jobs, GenerationSettings settings) {
            return Tasks.custom(TASK, Void.class)
                    // Steps are short and mostly wait on the provider; ahead of media work they keep slots busy.
                    .defaultPriority(Priority.HIGH)
                    // The runner decides every failure it can see; what still escapes it (the database away, say) is
                    // looked at again a little later, a bounded number of times, and then the generation is ended so
                    // that it neither waits for ever nor keeps its provider slot.
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                            settings.maxAttempts(),
                            new FailureHandler.OnFailureRetryLater<>(STEP_RETRY),
                            (complete, operations) -> {
                                runner.abandon(UUID.fromString(
                                        complete.getExecution().taskInstance.getId()));
                                operations.remove();
                            }))
                    .execute((instance, context) -> {
                        Instant next = runner.step(UUID.fromString(instance.getId()));
                        if (next == null) {
                            return (complete, operations) -> operations.remove();
                        }
                        return (CompletionHandler<Void>) (complete, operations) -> {
                            operations.reschedule(complete, next);
                            jobs.nudgeAt(next);
                        };
                    });
        }
    }
}
