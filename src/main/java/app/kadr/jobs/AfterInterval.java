package app.kadr.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * Every {@code interval} after the last run ended; the first one an interval after the job is first made (db-scheduler's
 * own fixed delay runs at once), so a studio that has just started, and a test that has just set it up, is left alone.
 */
public record AfterInterval(Duration interval) implements Schedule {

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(interval);
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(interval);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
