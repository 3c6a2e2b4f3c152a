package app.kadr.asset;

/**
 * A file of an asset, ready to be served.
 *
 * @param key the blob that holds it
 * @param version the short tag of the blob; the same address with this tag always means the same bytes
 */
public record StoredFile(String key, String mimeType, String version, String downloadName) {}
