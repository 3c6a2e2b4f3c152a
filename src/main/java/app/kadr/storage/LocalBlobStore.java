package app.kadr.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Blobs on the local disk under {@code <data dir>/blobs/ab/cd/<uuid>.<ext>}. Every write goes to a temp file in the
 * same file system first, is flushed to the disk, and is renamed into place (atomic), and the folder's entry is
 * flushed too: a blob the studio has acknowledged survives a power cut.
 */
final class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Path tmp;

    LocalBlobStore(Path root, Path tmp) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = tmp.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        Files.createDirectories(this.tmp);
    }

    @Override
    public String put(Path source, String extension) throws IOException {
        String key = BlobKeys.newKey(extension);
        store(key, staged -> {
            try {
                Files.move(source, staged, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException crossDevice) {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(source);
            }
        });
        return key;
    }

    @Override
    public String write(InputStream source, String extension) throws IOException {
        String key = BlobKeys.newKey(extension);
        write(key, source);
        return key;
    }

    @Override
    public void write(String key, InputStream source) throws IOException {
        store(BlobKeys.check(key), staged -> Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public String newKey(String extension) {
        return BlobKeys.newKey(extension);
    }

    private interface Filler {
        void fill(Path staged) throws IOException;
    }

    /** Fills a temp file beside the store, flushes it, then renames it into place: a blob is whole or absent. */
    private void store(String key, Filler filler) throws IOException {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Path staged = Files.createTempFile(tmp, "blob-", ".part");
        try {
            filler.fill(staged);
            flush(staged, StandardOpenOption.WRITE);
            moveIntoPlace(staged, target);
            flush(target.getParent(), StandardOpenOption.READ);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static void flush(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private Path path(String key) {
        return root.resolve(BlobKeys.check(key));
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        try {
            BasicFileAttributes file = Files.readAttributes(path(key), BasicFileAttributes.class);
            return file.isRegularFile()
                    ? Optional.of(new BlobInfo(
                            key, file.size(), file.lastModifiedTime().toInstant()))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        channel.position(offset);
        return java.nio.channels.Channels.newInputStream(channel);
    }

    @Override
    public Resource resource(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return new FileSystemResource(file);
    }

    @Override
    public Path localFile(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return file;
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public void forEach(Consumer<BlobInfo> visitor) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (BlobKeys.isKey(key)) {
                    stat(key).ifPresent(visitor);
                }
            }
        }
    }

    @Override
    public Path newWorkDir() throws IOException {
        return Files.createTempDirectory(tmp, "work-");
    }

    @Override
    public Optional<URI> presignedGet(
            String key, Duration lifetime, String contentType, @Nullable String downloadName) {
        return Optional.empty();
    }

    @Override
    public Optional<PresignedUpload> presignedPut(String key, String contentType, Duration lifetime) {
        return Optional.empty();
    }

    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data folder must be on one file system for atomic writes", e);
        }
    }
}
