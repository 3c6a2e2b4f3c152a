package app.kadr.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Stores immutable files under keys the store makes itself. A blob is either fully written or absent:
 * readers never see half a file.
 */
public interface BlobStore {

    /** Takes a finished file into the store (the source is moved away) and returns its new key. */
    String put(Path source, String extension) throws IOException;

    /** Streams bytes into the store; the blob appears only when the stream was read to its end. */
    String write(InputStream source, String extension) throws IOException;

    /** The file of a blob, for reading and serving. */
    Path path(String key);

    boolean exists(String key);

    void delete(String key) throws IOException;

    /** A private scratch folder for work that may produce blobs; the caller deletes it. */
    Path newWorkDir() throws IOException;
}
