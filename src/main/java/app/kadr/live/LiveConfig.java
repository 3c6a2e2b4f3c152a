package app.kadr.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LiveConfig {

    @Bean
    LiveFanout liveFanout(LiveUpdates updates) {
        return new LocalFanout(updates);
    }
}
