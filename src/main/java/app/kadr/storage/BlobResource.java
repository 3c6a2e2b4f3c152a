package app.kadr.storage;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;

/**
 * A blob of a remote store as Spring serves it. Spring answers a byte range by skipping to its start and reading
 * on; here a skip before the first read only moves the offset, so a range costs one ranged request for its own
 * bytes, not a download of everything before it.
 */
final class BlobResource extends AbstractResource {

    private final BlobStore store;
    private final BlobInfo blob;

    BlobResource(BlobStore store, BlobInfo blob) {
        this.store = store;
        this.blob = blob;
    }

    @Override
    public String getDescription() {
        return "blob " + blob.key();
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long contentLength() {
        return blob.size();
    }

    @Override
    public long lastModified() {
        return blob.lastModified().toEpochMilli();
    }

    @Override
    public @Nullable String getFilename() {
        return null; // the key is nobody's business; the caller names the type and any download name
    }

    @Override
    public InputStream getInputStream() {
        return new SeekingStream();
    }

    private final class SeekingStream extends InputStream {
        private long offset;
        private @Nullable InputStream open;

        private InputStream open() throws IOException {
            if (open == null) {
                open = store.open(blob.key(), offset);
            }
            return open;
        }

        @Override
        public long skip(long n) throws IOException {
            if (open != null) {
                return open.skip(n);
            }
            long skipped = Math.max(0, Math.min(n, blob.size() - offset));
            offset += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            return open().read();
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            return open().read(buffer, from, length);
        }

        @Override
        public void close() throws IOException {
            if (open != null) {
                open.close();
            }
        }
    }
}
