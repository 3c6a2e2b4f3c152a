package app.kadr.sharing;

import app.kadr.jobs.AfterInterval;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The digest as a recurring db-scheduler job: its next run is a row, so it survives restarts, and with several
 * instances on one database one of them runs it. The job's row is made at start only while {@code KADR_SMTP_HOST}
 * is set (it is a known task, not a {@link app.kadr.jobs.RecurringJob}, so nothing else makes it); a row left
 * from a time the digest was on only finds it off and does nothing.
 */
@Configuration
class DigestJob {

    static final String TASK = "client-digest";

    @Bean
    RecurringTask<Void> clientDigestTask(ClientDigest digest, DigestSettings settings) {
        return Tasks.recurring(TASK, new AfterInterval(settings.interval()))
                .execute((instance, context) -> digest.run());
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleWhenOn(ApplicationReadyEvent ready) {
        DigestSettings settings = ready.getApplicationContext().getBean(DigestSettings.class);
        if (!settings.isOn()) {
            return;
        }
        // What the scheduler does for its start tasks: makes the job's row unless there is one (another instance
        // made it, or an earlier start did), keeping an existing next run.
        ready.getApplicationContext()
                .getBean("clientDigestTask", RecurringTask.class)
                .onStartup(ready.getApplicationContext().getBean(SchedulerClient.class), new SystemClock());
    }
}
