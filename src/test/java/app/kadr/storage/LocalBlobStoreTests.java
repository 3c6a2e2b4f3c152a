package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kadr.shared.KadrProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTests {

    @TempDir
    Path data;

    LocalBlobStore store;

    @BeforeEach
    void aStore() throws IOException {
        store = new LocalBlobStore(new KadrProperties(data, true, false, new KadrProperties.Upload(1, 1, 1)));
    }

    @Test
    void aBlobIsStoredUnderAKeyTheStoreMadeNotTheCallersName() throws IOException {
        Path upload = Files.writeString(data.resolve("evil name.png"), "bytes");

        String key = store.put(upload, "png");

        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.png").doesNotContain("evil");
        assertThat(Files.readString(store.path(key))).isEqualTo("bytes");
        assertThat(upload).doesNotExist();
    }

    @Test
    void keysThatLeaveTheStoreAreRefused() {
        assertThatThrownBy(() -> store.path("../../secret.key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(data, "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamThatBreaksLeavesNoBlobAndNoTempFile() throws IOException {
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("connection lost");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.write(breaking, "jpg")).hasMessageContaining("connection lost");

        assertThat(filesUnder(data.resolve("blobs"))).isZero();
        assertThat(filesUnder(data.resolve("tmp"))).isZero();
    }

    @Test
    void aWrittenStreamIsReadBackWhole() throws IOException {
        String key = store.write(new ByteArrayInputStream(new byte[] {1, 2, 3}), "mp4");

        assertThat(store.exists(key)).isTrue();
        assertThat(Files.readAllBytes(store.path(key))).containsExactly(1, 2, 3);
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
    }

    private static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
