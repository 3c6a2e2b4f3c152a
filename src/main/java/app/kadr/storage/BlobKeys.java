package app.kadr.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/** Keys are made by the store ({@code ab/cd/<uuid>.<ext>}), never taken from user input. */
final class BlobKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private BlobKeys() {}

    static String newKey(String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Not an extension: " + extension);
        }
        String id = UUID.randomUUID().toString();
        return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id + "." + extension;
    }

    static String check(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return key;
    }

    static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }
}
