package app.kadr.element;

import app.kadr.shared.KadrException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An element's @handle: a letter, then letters, digits, «_» or «-», in any alphabet (Cyrillic included), so that
 * {@code @Аня} in a prompt is read up to the first space or punctuation. Matching ignores case.
 */
public final class Handle {

    static final int MAX = 40;

    /** A mention inside a prompt: «@» not preceded by a letter or digit (an e-mail address is not one). */
    public static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@([\\p{L}][\\p{L}\\p{N}_-]*)");

    private static final Pattern VALID = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_-]*");

    private Handle() {}

    /** The handle as written, without its «@»; refused with a Russian message when it cannot be mentioned. */
    static String valid(@Nullable String value) {
        String handle = value == null ? "" : value.strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (handle.isEmpty()) {
            throw KadrException.invalid("handle", "element.handle.empty");
        }
        if (handle.length() > MAX) {
            throw KadrException.invalid("handle", "element.handle.long", MAX);
        }
        if (!VALID.matcher(handle).matches()) {
            throw KadrException.invalid("handle", "element.handle.invalid");
        }
        return handle;
    }

    /** The form two handles are compared in. */
    public static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
