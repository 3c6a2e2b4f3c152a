package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.KadrApplication;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default database keeps what it acknowledged through a power loss: its file is opened so that every
 * write reaches the device before it returns ({@code O_DSYNC}), which Linux shows in {@code /proc/self/fdinfo}.
 */
class SyncedH2FilesTests {

    /** Linux's O_DSYNC, as fdinfo prints open flags: in octal. */
    private static final int O_DSYNC = 010000;

    @BeforeAll
    static void registered() {
        new SyncedH2Files().postProcessEnvironment(null, null);
    }

    @Test
    void aFileOpenedForWritingThroughTheSyncedPrefixWritesThroughToTheDisk(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("some.mv.db");
        try (FileChannel synced = FilePath.get(SyncedH2Files.PREFIX + file).open("rw")) {
            assertThat(openFlags(file) & O_DSYNC).as("synced").isNotZero();
        }
        try (FileChannel plain = FilePath.get(file.toString()).open("rw")) {
            assertThat(openFlags(file) & O_DSYNC).as("without the prefix").isZero();
        }
    }

    @Test
    void theStudioOnItsDefaultDatabaseOpensTheDatabaseFileWithWriteThrough() throws IOException {
        Path data =
                Path.of("target", "test-data", "synced-" + UUID.randomUUID()).toAbsolutePath();
        // No datasource URL: the one in application.yml, as `./mvnw spring-boot:run` uses it.
        try (ConfigurableApplicationContext studio =
                new SpringApplicationBuilder(KadrApplication.class).run("--server.port=0", "--kadr.data-dir=" + data)) {
            assertThat(openFlags(data.resolve("db").resolve("kadr.mv.db")) & O_DSYNC)
                    .as("the database file's open flags")
                    .isNotZero();
        }
    }

    /** The open flags of this process's descriptor for {@code file}. */
    private static int openFlags(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                Path target;
                try {
                    target = Files.readSymbolicLink(descriptor);
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (target.equals(real)) {
                    return flags(descriptor.getFileName().toString());
                }
            }
        }
        throw new AssertionError("No open descriptor for " + real);
    }

    private static int flags(String descriptor) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/fdinfo", descriptor)).stream()
                .filter(line -> line.startsWith("flags:"))
                .map(line -> Integer.parseInt(line.substring("flags:".length()).trim(), 8))
                .findFirst()
                .orElseThrow();
    }
}
