package app.kadr.asset;

import java.nio.file.Path;

/** An asset's original as a file on this machine, for a provider that starts from it; it must only be read. */
public record SourceFile(Path path, String mimeType) {}
