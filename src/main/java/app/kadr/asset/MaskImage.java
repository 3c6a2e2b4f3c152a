package app.kadr.asset;

import app.kadr.shared.KadrException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A mask as providers expect it: a PNG of exactly the image's size, white where the picture is to be redrawn and black
 * elsewhere (fal, Stability and FLUX Fill all read it so). A browser's canvas gives colour with transparency and
 * perhaps another size, so the mask is scaled to the image and each pixel becomes white when it is light and opaque.
 */
final class MaskImage {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0;

    private MaskImage() {}

    static byte[] normalise(byte[] file, int width, int height, long maxPixels) throws IOException {
        if (file.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(file, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw KadrException.invalid("file", "asset.mask.not_png");
        }
        BufferedImage drawn = read(file, maxPixels);
        BufferedImage scaled = scale(drawn, width, height);
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        boolean painted = false;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = scaled.getRGB(x, y);
                int alpha = argb >>> 24;
                int luma = (299 * ((argb >> 16) & 0xff) + 587 * ((argb >> 8) & 0xff) + 114 * (argb & 0xff)) / 1000;
                boolean white = alpha >= 128 && luma >= 128;
                painted |= white;
                mask.setRGB(x, y, white ? WHITE : BLACK);
            }
        }
        if (!painted) {
            throw KadrException.invalid("file", "asset.mask.empty");
        }
        return MaskService.encode(mask);
    }

    /** Reads the size from the header first, so a tiny file claiming a huge picture is refused before decoding. */
    private static BufferedImage read(byte[] file, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw KadrException.invalid("file", "asset.mask.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                    throw KadrException.invalid("file", "asset.mask.unreadable");
                }
                return reader.read(0);
            } catch (IOException | RuntimeException broken) {
                if (broken instanceof KadrException refused) {
                    throw refused;
                }
                throw KadrException.invalid("file", "asset.mask.unreadable");
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scale(BufferedImage drawn, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(drawn, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
