package app.kadr.storage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sweep as a recurring db-scheduler job: with several instances on one database, one of them runs it. */
@Configuration
class SweepJob {

    @Bean
    RecurringTask<Void> storageSweepTask(OrphanSweep sweep, StorageSettings settings) {
        return Tasks.recurring("storage-sweep", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> {
                    try {
                        sweep.sweep();
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
