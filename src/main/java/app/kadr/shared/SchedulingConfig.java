package app.kadr.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Enables Spring's in-process timers for light housekeeping (heartbeats); durable work uses db-scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfig {}
