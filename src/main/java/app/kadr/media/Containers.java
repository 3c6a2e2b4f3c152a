package app.kadr.media;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads the few header fields that tell similar container formats apart. */
final class Containers {

    private Containers() {}

    /** The major brand of an ISO base media file ("isom", "qt  ", "heic"...), or null without an ftyp box. */
    static @Nullable String isoMajorBrand(byte[] head) {
        if (head.length < 12 || !"ftyp".equals(ascii(head, 4, 4))) {
            return null;
        }
        return ascii(head, 8, 4);
    }

    /** The DocType of an EBML file ("webm", "matroska"), or null when it is not EBML or has none in its header. */
    static @Nullable String ebmlDocType(byte[] head) {
        if (head.length < 4
                || (head[0] & 0xff) != 0x1a
                || (head[1] & 0xff) != 0x45
                || (head[2] & 0xff) != 0xdf
                || (head[3] & 0xff) != 0xa3) {
            return null;
        }
        // The DocType element (id 0x4282) sits in the EBML header within the first few dozen bytes.
        int limit = Math.min(head.length, 128);
        for (int i = 4; i + 3 < limit; i++) {
            if ((head[i] & 0xff) == 0x42 && (head[i + 1] & 0xff) == 0x82) {
                int sizeByte = head[i + 2] & 0xff;
                int length = Integer.numberOfLeadingZeros(sizeByte) - 23;
                if (length != 1) {
                    return null; // DocType sizes are tiny: anything longer is not a real header
                }
                int size = sizeByte & 0x7f;
                return i + 3 + size <= head.length ? ascii(head, i + 3, size) : null;
            }
        }
        return null;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
