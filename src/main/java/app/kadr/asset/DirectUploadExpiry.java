package app.kadr.asset;

import app.kadr.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expired direct uploads are removed by a recurring job, run by one instance at a time. */
@Configuration
class DirectUploadExpiry {

    @Bean
    RecurringJob directUploadExpiryTask(DirectUploads uploads) {
        return RecurringJob.every("direct-upload-expiry", Duration.ofMinutes(10), uploads::expire);
    }
}
