package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ThumbHashTest {

    /** Expected values come from the reference implementation (npm thumbhash 0.1.1, rgbaToThumbHash). */
    @Test
    void matchesTheReferenceImplementation() {
        assertThat(hash(100, 75, false)).isEqualTo("HwgGDYJ3h1dnWAh1dmR4dvs+mZsg");
        assertThat(hash(60, 100, true)).isEqualTo("H/iBAwAIEloMFIiOj4bjBnlqOCeFg3A=");
        assertThat(hash(33, 17, false)).isEqualTo("nggKJJRQVndUZ4h1h3aQaQuIeA==");
    }

    @Test
    void refusesImagesLargerThanAHundredPixels() {
        assertThatThrownBy(() -> ThumbHash.encode(101, 10, new int[1010])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hash(int w, int h, boolean alpha) {
        return Base64.getEncoder().encodeToString(ThumbHash.encode(w, h, pattern(w, h, alpha)));
    }

    /** The same synthetic pattern the reference values were computed from. */
    private static int[] pattern(int w, int h, boolean alpha) {
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 7 + y * 3) % 256;
                int g = (x * x + y * 11) % 256;
                int b = (x * 5 * y) % 256;
                int a = alpha ? (x * 13 + y * 17) % 256 : 255;
                argb[y * w + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }
}
