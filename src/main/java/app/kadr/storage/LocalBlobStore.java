package app.kadr.storage;

import app.kadr.shared.KadrProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Blobs on the local disk under {@code <data dir>/blobs/ab/cd/<uuid>.<ext>}. Every write goes to a temp
 * file in the same file system first and is renamed into place, which is atomic.
 */
@Component
class LocalBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private final Path root;
    private final Path tmp;

    LocalBlobStore(KadrProperties properties) throws IOException {
        this.root = properties.dataDir().resolve("blobs").toAbsolutePath().normalize();
        this.tmp = properties.dataDir().resolve("tmp").toAbsolutePath().normalize();
        Files.createDirectories(root);
        Files.createDirectories(tmp);
    }

    @Override
    public String put(Path source, String extension) throws IOException {
        return store(extension, staged -> {
            try {
                Files.move(source, staged, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException crossDevice) {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    @Override
    public String write(InputStream source, String extension) throws IOException {
        return store(extension, staged -> Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Filler {
        void fill(Path staged) throws IOException;
    }

    /** Fills a temp file beside the store, then renames it into place: a blob is whole or absent. */
    private String store(String extension, Filler filler) throws IOException {
        String key = newKey(extension);
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Path staged = Files.createTempFile(tmp, "blob-", ".part");
        try {
            filler.fill(staged);
            moveIntoPlace(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
        return key;
    }

    @Override
    public Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return root.resolve(key);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public Path newWorkDir() throws IOException {
        return Files.createTempDirectory(tmp, "work-");
    }

    private static String newKey(String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Not an extension: " + extension);
        }
        String id = UUID.randomUUID().toString();
        return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id + "." + extension;
    }

    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data folder must be on one file system for atomic writes", e);
        }
    }
}
