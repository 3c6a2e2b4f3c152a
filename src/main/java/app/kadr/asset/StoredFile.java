package app.kadr.asset;

import java.nio.file.Path;

/**
 * A file ready to be served.
 *
 * @param version the short tag of the blob; the same address with this tag always means the same bytes
 */
public record StoredFile(Path path, String mimeType, String version, String downloadName) {}
