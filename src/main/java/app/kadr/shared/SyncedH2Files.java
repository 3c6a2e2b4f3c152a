package app.kadr.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Teaches H2 the file prefix {@code synced:}, which the default database URL uses: the database file is opened with
 * {@code O_DSYNC}, so each write H2 makes for a commit ({@code WRITE_DELAY=0}) is on the disk, not only in the
 * operating system's cache, before the commit returns. Without it a power loss or a kernel crash could take the last
 * acknowledged uploads and generations with it; {@code kill -9} alone could not.
 *
 * <p>Registered as an environment post-processor because that runs in every start, before any data source exists.
 */
class SyncedH2Files implements EnvironmentPostProcessor {

    static final String PREFIX = SyncedFilePath.SCHEME + ":";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        FilePath.register(new SyncedFilePath());
    }

    /**
     * A path on the local disk whose read-write channels write through to the device. Public because H2 makes one per
     * path by reflection.
     */
    public static final class SyncedFilePath extends FilePathWrapper {

        static final String SCHEME = "synced";

        public SyncedFilePath() {}

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            // "rwd" is H2's name for READ, WRITE and DSYNC: data written reaches the device before write() returns.
            return getBase().open("rw".equals(mode) ? "rwd" : mode);
        }
    }
}
