package app.kadr.storage;

import app.kadr.jobs.RecurringJob;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The sweep as a recurring db-scheduler job (with several instances on one database, one of them runs it), and once
 * at every start: a recurring job's next run survives restarts, so without this a studio started again after a
 * crash would wait a whole interval before its leftovers go.
 */
@Configuration
class SweepJob {

    private static final Logger log = LoggerFactory.getLogger(SweepJob.class);

    @Bean
    RecurringJob storageSweepTask(OrphanSweep sweep, StorageSettings settings) {
        return RecurringJob.every("storage-sweep", settings.sweepInterval(), sweep::sweep);
    }

    /** Sweeps once the studio serves requests, beside them, so a large store does not hold up the start. */
    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStart(ApplicationReadyEvent ready) {
        OrphanSweep sweep = ready.getApplicationContext().getBean(OrphanSweep.class);
        Thread.ofVirtual().name("storage-sweep-at-start").start(() -> {
            try {
                sweep.sweep();
            } catch (IOException | RuntimeException e) {
                log.warn("The start-up storage sweep failed; the recurring one will try again", e);
            }
        });
    }
}
