package app.kadr.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

@Configuration
class JobsConfig {

    /**
     * The data source is wrapped so that scheduling a task joins the caller's transaction: a task exists
     * exactly when the change that asked for it was committed.
     */
    @Bean(destroyMethod = "stop")
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            List<RecurringJob> recurring,
            JobsSettings settings,
            @Value("${kadr.instance-name}") String instanceName) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                // Without this a recurring job is only known, never scheduled: nothing would ever make its row.
                .startTasks(recurring.stream().map(RecurringJob::task).toList())
                // Recorded as the picker of each running job: which instance holds it.
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .threads(Math.max(2, settings.threads()))
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                // Due jobs are taken by priority, so short waits on providers are not stuck behind media work.
                .enablePriority()
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
