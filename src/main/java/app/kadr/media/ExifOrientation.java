package app.kadr.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The EXIF orientation of a JPEG (1 to 8) and turning pixels upright by it. */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    /** EXIF lives in APP1, which cannot exceed 64 KB, and comes before the image data. */
    private static final int HEAD_BYTES = 256 * 1024;

    private ExifOrientation() {}

    /** Never fails: a missing or broken EXIF block means the pixels are already upright. */
    static int read(Path jpeg) {
        byte[] head;
        try (InputStream in = Files.newInputStream(jpeg)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return UPRIGHT;
        }
        try {
            return fromJpegHead(head);
        } catch (IndexOutOfBoundsException e) {
            return UPRIGHT;
        }
    }

    static int fromJpegHead(byte[] b) {
        if (b.length < 4 || u8(b, 0) != 0xff || u8(b, 1) != 0xd8) {
            return UPRIGHT;
        }
        int pos = 2;
        while (pos + 4 <= b.length && u8(b, pos) == 0xff) {
            int marker = u8(b, pos + 1);
            if (marker == 0xff) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                break; // image data starts: no EXIF after this point
            }
            int length = (u8(b, pos + 2) << 8) | u8(b, pos + 3);
            if (marker == 0xe1 && isExif(b, pos + 4)) {
                return fromTiff(b, pos + 10);
            }
            pos += 2 + length;
        }
        return UPRIGHT;
    }

    private static boolean isExif(byte[] b, int pos) {
        return pos + 6 <= b.length
                && b[pos] == 'E'
                && b[pos + 1] == 'x'
                && b[pos + 2] == 'i'
                && b[pos + 3] == 'f'
                && b[pos + 4] == 0
                && b[pos + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff) {
        boolean littleEndian = b[tiff] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, littleEndian);
        int entries = u16(b, ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (u16(b, entry, littleEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** @param image TYPE_INT_RGB or TYPE_INT_ARGB */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = orientation >= 5;
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h, image.getType());
        int[] from = pixels(image);
        int[] to = pixels(turned);
        int tw = turned.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> {
                        tx = w - 1 - x;
                        ty = y;
                    }
                    case 3 -> {
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    }
                    case 4 -> {
                        tx = x;
                        ty = h - 1 - y;
                    }
                    case 5 -> {
                        tx = y;
                        ty = x;
                    }
                    case 6 -> {
                        tx = h - 1 - y;
                        ty = x;
                    }
                    case 7 -> {
                        tx = h - 1 - y;
                        ty = w - 1 - x;
                    }
                    default -> {
                        tx = y;
                        ty = w - 1 - x;
                    }
                }
                to[ty * tw + tx] = from[y * w + x];
            }
        }
        return turned;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static int u8(byte[] b, int pos) {
        return b[pos] & 0xff;
    }

    private static int u16(byte[] b, int pos, boolean littleEndian) {
        return littleEndian ? u8(b, pos) | (u8(b, pos + 1) << 8) : (u8(b, pos) << 8) | u8(b, pos + 1);
    }

    private static long u32(byte[] b, int pos, boolean littleEndian) {
        return littleEndian
                ? (u16(b, pos, true) & 0xffffL) | ((long) u16(b, pos + 2, true) << 16)
                : ((long) u16(b, pos, false) << 16) | (u16(b, pos + 2, false) & 0xffffL);
    }
}
