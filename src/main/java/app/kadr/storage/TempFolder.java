package app.kadr.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The studio's temp folder, {@code <data dir>/tmp}: half-written blobs, work folders, upload parts. Nothing in it
 * outlives the process that wrote it, so it is emptied at start, before anything is served.
 */
final class TempFolder {

    private static final Logger log = LoggerFactory.getLogger(TempFolder.class);

    /** Where the servlet container writes multipart upload parts; it must exist after the clean-up. */
    static final String MULTIPART = "multipart";

    private final Path path;

    TempFolder(Path dataDir) throws IOException {
        this.path = dataDir.resolve("tmp").toAbsolutePath().normalize();
        Files.createDirectories(path);
        long removed = 0;
        try (Stream<Path> entries = Files.list(path)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                removed += sizeOf(entry);
                FileSystemUtils.deleteRecursively(entry);
            }
        }
        Files.createDirectories(path.resolve(MULTIPART));
        if (removed > 0) {
            log.info("Removed {} bytes of temp files left by the previous run", removed);
        }
    }

    Path path() {
        return path;
    }

    private static long sizeOf(Path entry) throws IOException {
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
