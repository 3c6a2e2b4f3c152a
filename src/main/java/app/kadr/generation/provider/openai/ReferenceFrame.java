package app.kadr.generation.provider.openai;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.SourceImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Sora's {@code input_reference} must have exactly the video's {@code size} (OpenAI refuses any other with
 * "Inpaint image must match the requested width and height"), and a take is rarely that size. The frame is scaled
 * to fit inside the video, whole and undistorted, and the rest is padded with black, as a letterboxed film would be.
 */
final class ReferenceFrame {

    /** The size Sora makes when none is asked for ({@code VideoCreateParams.size} in openai-python). */
    static final String DEFAULT_SIZE = "720x1280";

    private ReferenceFrame() {}

    /** The source as a PNG of {@code size} ({@code WIDTHxHEIGHT}). */
    static byte[] fitted(SourceImage source, String size) throws ProviderException {
        int[] target = dimensions(size);
        BufferedImage original = read(source);
        double scale = Math.min((double) target[0] / original.getWidth(), (double) target[1] / original.getHeight());
        int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(original.getHeight() * scale));
        BufferedImage frame = new BufferedImage(target[0], target[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = frame.createGraphics();
        try {
            canvas.setColor(Color.BLACK);
            canvas.fillRect(0, 0, target[0], target[1]);
            canvas.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            canvas.drawImage(original, (target[0] - width) / 2, (target[1] - height) / 2, width, height, null);
        } finally {
            canvas.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(frame, "png", png);
        } catch (IOException e) {
            throw ProviderException.of(ProviderException.Kind.FAILED, e.toString());
        }
        return png.toByteArray();
    }

    private static BufferedImage read(SourceImage source) throws ProviderException {
        try {
            BufferedImage image = ImageIO.read(source.file().toFile());
            if (image == null) {
                throw ProviderException.badInput("input_reference", "unreadable image " + source.mimeType());
            }
            return image;
        } catch (IOException e) {
            throw ProviderException.badInput("input_reference", e.toString());
        }
    }

    private static int[] dimensions(String size) throws ProviderException {
        String[] sides = size.split("x");
        try {
            if (sides.length == 2) {
                int width = Integer.parseInt(sides[0].trim());
                int height = Integer.parseInt(sides[1].trim());
                if (width > 0 && height > 0 && width <= 4096 && height <= 4096) {
                    return new int[] {width, height};
                }
            }
        } catch (NumberFormatException notANumber) {
            // Refused below with the field's name.
        }
        throw ProviderException.badInput("size", size);
    }
}
