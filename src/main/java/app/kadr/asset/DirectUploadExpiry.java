package app.kadr.asset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expired direct uploads are removed by a recurring job, run by one instance at a time. */
@Configuration
class DirectUploadExpiry {

    @Bean
    RecurringTask<Void> directUploadExpiryTask(DirectUploads uploads) {
        return Tasks.recurring("direct-upload-expiry", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    try {
                        uploads.expire();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
