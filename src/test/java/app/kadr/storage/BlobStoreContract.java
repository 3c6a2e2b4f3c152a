package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;

/** What every blob store promises, whether the bytes live on the local disk or in a bucket. */
abstract class BlobStoreContract {

    @TempDir
    Path data;

    BlobStore store;

    abstract BlobStore newStore(Path tmp) throws IOException;

    Path tmp() {
        return data.resolve("tmp");
    }

    @BeforeEach
    void aStore() throws IOException {
        store = newStore(tmp());
    }

    @Test
    void aBlobIsStoredUnderAKeyTheStoreMadeNotTheCallersName() throws IOException {
        Path upload = Files.writeString(data.resolve("evil name.png"), "bytes");

        String key = store.put(upload, "png");

        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.png").doesNotContain("evil");
        assertThat(read(key)).isEqualTo("bytes");
        assertThat(upload).doesNotExist();
    }

    @Test
    void keysThatLeaveTheStoreAreRefused() {
        assertThatThrownBy(() -> store.open("../../secret.key", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("../x.png")).isInstanceOf(IllegalArgumentException.class);
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

        assertThat(keys()).isEmpty();
        assertThat(filesUnder(tmp())).isZero();
    }

    @Test
    void aWrittenStreamIsReadBackWholeAndGoesWhenDeleted() throws IOException {
        String key = store.write(new ByteArrayInputStream(new byte[] {1, 2, 3}), "mp4");

        assertThat(store.exists(key)).isTrue();
        assertThat(store.stat(key))
                .hasValueSatisfying(blob -> assertThat(blob.size()).isEqualTo(3));
        try (InputStream in = store.open(key, 0)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.stat(key)).isEmpty();
        store.delete(key); // deleting what is gone is no error
    }

    @Test
    void aBlobIsReadFromAnOffset() throws IOException {
        String key = store.write(text("0123456789"), "txt");

        try (InputStream tail = store.open(key, 6)) {
            assertThat(new String(tail.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("6789");
        }
    }

    @Test
    void aServedBlobKnowsItsLengthAndReadsARangeAsSpringDoes() throws IOException {
        String key = store.write(text("0123456789"), "txt");

        Resource served = store.resource(key);

        assertThat(served.contentLength()).isEqualTo(10);
        try (InputStream in = served.getInputStream()) {
            assertThat(in.skip(3)).isEqualTo(3);
            assertThat(new String(in.readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
    }

    @Test
    void aMissingBlobIsNoSuchFile() {
        String key = store.newKey("png");

        assertThatThrownBy(() -> store.open(key, 0)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.resource(key)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.localFile(key)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aBlobIsWrittenUnderAKeyMadeBeforehand() throws IOException {
        String key = store.newKey("mov");
        assertThat(store.exists(key)).isFalse();

        store.write(key, text("later"));

        assertThat(read(key)).isEqualTo("later");
    }

    @Test
    void toolsThatNeedAFileGetOneWithTheBlobsBytes() throws IOException {
        String key = store.write(text("frames"), "mp4");

        Path file = store.localFile(key);

        assertThat(file).hasContent("frames");
    }

    @Test
    void everyBlobIsListedWithItsSize() throws IOException {
        String small = store.write(text("a"), "jpg");
        String large = store.write(text("abcdef"), "mp4");

        List<BlobInfo> listed = new ArrayList<>();
        store.forEach(listed::add);

        assertThat(listed).extracting(BlobInfo::key).containsExactlyInAnyOrder(small, large);
        assertThat(listed)
                .filteredOn(blob -> blob.key().equals(large))
                .singleElement()
                .extracting(BlobInfo::size)
                .isEqualTo(6L);
    }

    @Test
    void theSweepRemovesOldBlobsThatNoRowOwnsAndKeepsTheRest() throws IOException {
        String owned = store.write(text("kept"), "jpg");
        String orphan = store.write(text("lost"), "jpg");
        BlobOwners rows = (Collection<String> keys) -> keys.contains(owned) ? Set.of(owned) : Set.of();
        OrphanSweep sweep = new OrphanSweep(
                store,
                List.of(rows),
                new StorageSettings(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(10)),
                new LocalCopies(tmp()));

        OrphanSweep.Result young = sweep.sweep(java.time.Instant.now().minusSeconds(3600));
        assertThat(young.removed()).isZero();
        assertThat(store.exists(orphan)).isTrue();

        OrphanSweep.Result old = sweep.sweep(java.time.Instant.now().plusSeconds(60));
        assertThat(old.removed()).isEqualTo(1);
        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.exists(owned)).isTrue();
    }

    String read(String key) throws IOException {
        try (InputStream in = store.open(key, 0)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<String> keys() throws IOException {
        List<String> keys = new ArrayList<>();
        store.forEach(blob -> keys.add(blob.key()));
        return keys;
    }

    static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
