package app.kadr.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/** Decodes an image once and writes its thumbnail, preview and placeholder into a work folder. */
@Component
public class ImageProcessor {

    public ImageDerivatives derive(Path original, Path workDir) throws MediaException {
        Decoded decoded = decode(original, Stills.LARGE_SIZE);
        Stills.Written written = Stills.write(decoded.image(), workDir, "preview");
        return new ImageDerivatives(
                written.thumb(),
                Stills.MIME_TYPE,
                written.large(),
                Stills.MIME_TYPE,
                decoded.width(),
                decoded.height(),
                written.thumbhash());
    }

    /** An upright picture, perhaps decoded at reduced size, and the size of the original once upright. */
    record Decoded(BufferedImage image, int width, int height) {}

    /** @param largestUseful the long side beyond which detail is wasted: larger originals are decoded subsampled */
    static Decoded decode(Path original, int largestUseful) throws MediaException {
        try (ImageInputStream in = new FileImageInputStream(original.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaException("media.image.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                BufferedImage image = reader.read(0, subsampledFor(width, height, largestUseful, reader));
                int orientation = "jpeg".equalsIgnoreCase(reader.getFormatName()) ? ExifOrientation.read(original) : 1;
                BufferedImage upright = ExifOrientation.apply(Stills.toIntPixels(image), orientation);
                return orientation >= 5 ? new Decoded(upright, height, width) : new Decoded(upright, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException("media.image.unreadable", e);
        }
    }

    /**
     * Decodes only every n-th pixel when the original is at least twice the largest useful size: far less memory and
     * colour conversion, while the decoded picture stays at least that large.
     */
    private static ImageReadParam subsampledFor(int width, int height, int largestUseful, ImageReader reader) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(width, height) / largestUseful;
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return param;
    }
}
