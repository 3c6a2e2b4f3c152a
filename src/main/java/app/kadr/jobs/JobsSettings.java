package app.kadr.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job scheduler runs ({@code kadr.jobs.*}).
 *
 * @param threads job steps run at once; generation steps mostly wait on providers, so there are more threads than
 *     cores, and media work keeps a few for itself through its own limits
 * @param pollingInterval how often the scheduler looks for due jobs it was not told about in memory
 * @param heartbeatInterval how often a running job says it is alive; one silent for six beats is taken as dead
 *     (its instance crashed) and run again; short, so a studio killed and started again resumes its half-done jobs
 *     within about half a minute (db-scheduler looks for dead jobs at start and every two beats)
 */
@ConfigurationProperties("kadr.jobs")
record JobsSettings(
        @DefaultValue("8") int threads,
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval) {}
