package app.kadr.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A job that runs every interval for as long as the studio runs. Declared as a bean, it is handed to the scheduler as
 * a start task: its row is made at the first start (an interval from then, so a start-up's own work is not doubled)
 * and kept across restarts; with several instances on one database one of them runs each turn.
 */
public record RecurringJob(RecurringTask<Void> task) {

    /** The work of one turn; an I/O failure fails the turn, and the next turn comes an interval later all the same. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }

    public static RecurringJob every(String name, Duration interval, Work work) {
        return new RecurringJob(
                Tasks.recurring(name, new AfterInterval(interval)).execute((instance, context) -> {
                    try {
                        work.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }
}
