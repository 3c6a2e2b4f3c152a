package app.kadr.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the store is kept clean ({@code kadr.storage.*}).
 *
 * @param sweepInterval how often blobs that no row owns are looked for
 * @param orphanMinAge how old such a blob must be before it goes: a younger one may belong to a change that is
 *     still being committed
 * @param localCopyIdle how long a local copy of a bucket's blob is kept unused (ffmpeg and providers read them)
 */
@ConfigurationProperties("kadr.storage")
record StorageSettings(
        @DefaultValue("15m") Duration sweepInterval,
        @DefaultValue("1h") Duration orphanMinAge,
        @DefaultValue("10m") Duration localCopyIdle) {}
