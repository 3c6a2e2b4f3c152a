package app.kadr.media;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the fully static ffmpeg of the JAVE native jar out of the classpath into a cache folder, because the
 * operating system can only run a file.
 *
 * <p>The target only ever appears through an atomic rename of a completely written file, so an existing target is
 * complete; two JVMs extracting at once each write their own temporary file and the last rename wins with identical
 * bytes. The version folder keeps an upgraded jar from reusing an older binary.
 */
final class FfmpegExtraction {

    private static final Logger log = LoggerFactory.getLogger(FfmpegExtraction.class);

    private static final String RESOURCE = "ws/schild/jave/nativebin/ffmpeg-amd64";
    private static final String POM_PROPERTIES = "META-INF/maven/ws.schild/jave-nativebin-linux64/pom.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path cacheRoot;
    private volatile @Nullable Path extracted;

    FfmpegExtraction(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /**
     * The executable, extracted on the first call. Extracted again if it has gone, since tmp cleaners delete files
     * left unused for days under a server that keeps running.
     */
    Path executable() throws IOException {
        Path found = extracted;
        if (found != null && Files.isExecutable(found)) {
            return found;
        }
        synchronized (this) {
            found = extracted;
            if (found == null || !Files.isExecutable(found)) {
                found = extract(cacheRoot);
                extracted = found;
            }
            return found;
        }
    }

    /** {@code ${java.io.tmpdir}/kadr-ffmpeg}: survives restarts, so the 77 MB copy happens once per version. */
    static Path defaultCacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "kadr-ffmpeg");
    }

    /**
     * @return the executable, extracted now or by an earlier run
     * @throws IOException when the bundled binary is missing (not linux-x86_64) or cannot be written
     */
    static Path extract(Path cacheRoot) throws IOException {
        URL resource = classLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IOException("No bundled ffmpeg for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (classpath resource " + RESOURCE + " is missing)");
        }
        URLConnection connection = resource.openConnection();
        long expectedSize = connection.getContentLengthLong();
        Path folder = createPrivateFolders(cacheRoot.resolve("jave-" + version()));
        Path target = folder.resolve("ffmpeg");
        if (isUsable(target, expectedSize)) {
            return target;
        }
        Path part = Files.createTempFile(folder, "ffmpeg-", ".part");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (expectedSize >= 0 && Files.size(part) != expectedSize) {
                throw new IOException("Extracted " + Files.size(part) + " bytes of ffmpeg, expected " + expectedSize);
            }
            Files.setPosixFilePermissions(part, OWNER_ONLY);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Extracted the bundled ffmpeg to {}", target);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static boolean isUsable(Path target, long expectedSize) throws IOException {
        return Files.isRegularFile(target)
                && Files.isExecutable(target)
                && (expectedSize < 0 || Files.size(target) == expectedSize);
    }

    /** Owner-only, so another account on a shared /tmp cannot swap the binary this process is about to run. */
    private static Path createPrivateFolders(Path folder) throws IOException {
        Path parent = folder.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateFolder(parent);
        }
        createPrivateFolder(folder);
        long owner = ((Number) Files.getAttribute(folder, "unix:uid")).longValue();
        long me = new UnixSystem().getUid();
        if (owner != me) {
            throw new IOException("The ffmpeg cache " + folder + " belongs to uid " + owner + ", not to uid " + me);
        }
        return folder;
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException alreadyThere) {
            // made earlier, or just now by another JVM
        }
    }

    private static String version() throws IOException {
        try (@Nullable InputStream in = classLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unversioned";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unversioned");
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = FfmpegExtraction.class.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
