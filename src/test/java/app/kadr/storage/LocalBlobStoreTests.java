package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBlobStoreTests extends BlobStoreContract {

    @Override
    BlobStore newStore(Path tmp) throws IOException {
        return new LocalBlobStore(data.resolve("blobs"), tmp);
    }

    @Test
    void aBlobIsAFileOfItsOwnThatToolsReadInPlace() throws IOException {
        String key = store.write(text("frames"), "mp4");

        assertThat(store.localFile(key)).startsWith(data.resolve("blobs")).hasContent("frames");
    }

    @Test
    void theLocalDiskGivesNoSignedAddresses() {
        String key = store.newKey("mp4");

        assertThat(store.presignedGet(key, Duration.ofMinutes(1), "video/mp4", null))
                .isEmpty();
        assertThat(store.presignedPut(key, "video/mp4", Duration.ofMinutes(1))).isEmpty();
    }
}
