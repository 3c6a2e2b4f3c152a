package app.kadr.asset;

import org.jspecify.annotations.Nullable;

/**
 * The name an uploaded file had on its owner's disk, kept only to show it and to name downloads. It never
 * reaches a path on the server.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {}

    static String clean(@Nullable String original) {
        if (original == null) {
            return "file";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            return "file";
        }
        return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
    }
}
