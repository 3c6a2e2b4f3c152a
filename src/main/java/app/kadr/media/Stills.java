package app.kadr.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.resizers.ProgressiveBilinearResizer;

/**
 * Turns one decoded picture into the large image, the thumbnail and the placeholder the studio shows.
 *
 * <p>They are encoded as JPEG inside the JVM: at these sizes it stays well under the thumbnail budget, every
 * browser shows it, and it spares a child process (and a native library) per image. The encoder writes only a
 * JFIF header, so nothing of the original's metadata can leak.
 */
final class Stills {

    static final int LARGE_SIZE = 1440;
    static final int THUMB_SIZE = 320;
    static final String MIME_TYPE = "image/jpeg";
    private static final float QUALITY = 0.8f;
    /** The studio's dark background, so transparent areas look as they do on the page. */
    private static final Color BACKGROUND = new Color(0x1b1b1f);

    /** The written files and the placeholder. */
    record Written(Path large, Path thumb, String thumbhash) {}

    private Stills() {}

    /** @param image upright, TYPE_INT_RGB or TYPE_INT_ARGB */
    static Written write(BufferedImage image, Path workDir, String largeName) throws MediaException {
        BufferedImage large = fit(image, LARGE_SIZE);
        BufferedImage thumb = fit(large, THUMB_SIZE);
        String thumbhash = ThumbHash.encode(fit(thumb, ThumbHash.MAX_SIZE));
        Path largeFile = workDir.resolve(largeName + ".jpg");
        Path thumbFile = workDir.resolve("thumb.jpg");
        writeJpeg(flatten(large), largeFile);
        writeJpeg(flatten(thumb), thumbFile);
        return new Written(largeFile, thumbFile, thumbhash);
    }

    /** Redraws any decoded image as plain int pixels, which every later step (and the JPEG encoder) expects. */
    static BufferedImage toIntPixels(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }

    /** Shrinks to fit a square of the given side, keeping proportions; never enlarges. */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w <= maxSide && h <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage scaled = new BufferedImage(tw, th, image.getType());
        // Halving step by step averages the pixels a single bilinear step would skip (no aliasing).
        new ProgressiveBilinearResizer().resize(image, scaled);
        return scaled;
    }

    static BufferedImage flatten(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return opaque;
    }

    private static void writeJpeg(BufferedImage image, Path target) throws MediaException {
        writeJpeg(image, target, QUALITY);
    }

    static void writeJpeg(BufferedImage image, Path target, float quality) throws MediaException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        // A file stream of its own: ImageIO's stream wrappers would cache in the system temp folder.
        try (ImageOutputStream out = new FileImageOutputStream(target.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException | RuntimeException e) {
            throw new MediaException("media.processing.failed", e);
        } finally {
            writer.dispose();
        }
    }
}
