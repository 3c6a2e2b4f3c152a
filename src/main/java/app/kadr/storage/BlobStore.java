package app.kadr.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Stores immutable files under keys the store makes itself, on the local disk or in an S3 bucket. A blob is
 * either fully written or absent: readers never see half a file. Nothing here hands out where a blob lives, so
 * every caller works the same on both stores.
 */
public interface BlobStore {

    /** Takes a finished file into the store (the source is gone afterwards) and returns its new key. */
    String put(Path source, String extension) throws IOException;

    /** Streams bytes into the store; the blob appears only when the stream was read to its end. */
    String write(InputStream source, String extension) throws IOException;

    /** Streams bytes into a blob under a key made earlier with {@link #newKey}: a direct upload through Kadr. */
    void write(String key, InputStream source) throws IOException;

    /** A fresh key for a blob that will be written later, e.g. by a browser with a presigned address. */
    String newKey(String extension);

    /** Size and age of a blob, or empty when there is none. */
    Optional<BlobInfo> stat(String key) throws IOException;

    boolean exists(String key);

    /** The blob's bytes from an offset to its end. A blob that is not there is a {@code NoSuchFileException}. */
    InputStream open(String key, long offset) throws IOException;

    /** The blob for serving over HTTP: its length is known and byte ranges read only the bytes they ask for. */
    Resource resource(String key) throws IOException;

    /**
     * A file on this machine with the blob's bytes, for tools that need a path (ffmpeg, ImageIO, providers' uploads).
     * It must only be read. On the local disk it is the blob itself; from a bucket it is a copy kept while it is used
     * and removed by the storage sweep when unused.
     */
    Path localFile(String key) throws IOException;

    /** Removes a blob; a blob that is not there is no error. */
    void delete(String key) throws IOException;

    /** Every blob of the store, in no particular order (for the sweep). */
    void forEach(Consumer<BlobInfo> visitor) throws IOException;

    /** A private scratch folder for work that may produce blobs; the caller deletes it. */
    Path newWorkDir() throws IOException;

    /**
     * A short-lived address where a browser downloads the blob straight from the bucket, or empty when the store
     * cannot give one (the local disk). The download carries the given type and, when named, is an attachment.
     */
    Optional<URI> presignedGet(String key, Duration lifetime, String contentType, @Nullable String downloadName);

    /**
     * The origin ({@code scheme://host[:port]}) at which browsers fetch or send blobs themselves, bypassing Kadr: a
     * bucket's, for the pages' Content-Security-Policy; empty when every byte goes through Kadr (the local disk).
     */
    default Optional<String> browserOrigin() {
        return Optional.empty();
    }

    /**
     * The largest blob one upload into {@link #write(String, InputStream)} or {@link #presignedPut} may make: an S3
     * store takes at most 5 GB in a single PUT; the local disk has no limit of its own.
     */
    default long largestSingleUpload() {
        return Long.MAX_VALUE;
    }

    /**
     * A short-lived address where a browser uploads the blob's bytes straight into the bucket, or empty when the
     * store cannot give one (the local disk).
     */
    Optional<PresignedUpload> presignedPut(String key, String contentType, Duration lifetime);
}
