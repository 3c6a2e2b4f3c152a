package app.kadr.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Copies of a bucket's blobs on this machine, for tools that need a file. Blobs never change, so a copy stays
 * right for as long as it is kept; one that nobody asked for in a while is removed by the sweep.
 */
final class LocalCopies {

    interface Download {
        InputStream open() throws IOException;
    }

    private final Path root;
    private final Path tmp;

    LocalCopies(Path tmp) throws IOException {
        this.tmp = tmp;
        this.root = Files.createDirectories(tmp.resolve("copies"));
    }

    Path of(String key, Download download) throws IOException {
        Path copy = root.resolve(BlobKeys.check(key).replace('/', '_'));
        if (Files.isRegularFile(copy)) {
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now())); // in use: the sweep keeps it
            return copy;
        }
        Path staged = Files.createTempFile(tmp, "copy-", ".part");
        try (InputStream in = download.open()) {
            Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            // Two readers may fetch the same blob at once: both copies are the same bytes, the last rename wins.
            Files.move(staged, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
        return copy;
    }

    /** Removes copies unused for the given time; answers how many went. */
    int removeUnused(Duration idle) throws IOException {
        Instant before = Instant.now().minus(idle);
        int removed = 0;
        try (Stream<Path> copies = Files.list(root)) {
            for (Path copy : (Iterable<Path>) copies::iterator) {
                if (Files.getLastModifiedTime(copy).toInstant().isBefore(before) && Files.deleteIfExists(copy)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
