package app.kadr.generation;

import app.kadr.shared.KadrException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an image sits on a wider or taller canvas, for outpainting: the person picks an aspect ratio and where the
 * image goes (0 = left or top edge, 0.5 = centre, 1 = right or bottom edge); the canvas is the smallest one of that
 * ratio the image fits in whole, scaled down together with the image when it would pass {@link #MAX_SIDE}.
 *
 * <p>The choices are Kadr's words ({@code aspectRatio}, {@code offsetX}, {@code offsetY}); providers get the exact
 * geometry instead, as {@code canvasSize} [w, h], {@code imageSize} [w, h] and {@code imageLocation} [x, y] of the
 * image's top-left corner (fal's Bria Expand takes these three; the offline engine too).
 */
record OutpaintCanvas(int width, int height, int imageWidth, int imageHeight, int x, int y) {

    /** The offline engine's largest side, and well inside fal Bria's 5000 × 5000 limit. */
    static final int MAX_SIDE = 4096;

    static final Set<String> CHOICES = Set.of("aspectRatio", "offsetX", "offsetY");
    static final Set<String> GEOMETRY = Set.of("canvasSize", "imageSize", "imageLocation");

    static OutpaintCanvas of(int sourceWidth, int sourceHeight, String ratio, double offsetX, double offsetY) {
        String[] parts = ratio.split(":");
        double wanted;
        try {
            wanted = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        } catch (RuntimeException notARatio) {
            throw KadrException.invalid("params.aspectRatio", "generation.outpaint.ratio");
        }
        double width = sourceWidth;
        double height = sourceHeight;
        if (width / height < wanted) {
            width = height * wanted;
        } else {
            height = width / wanted;
        }
        double scale = Math.min(1, MAX_SIDE / Math.max(width, height));
        int canvasWidth = (int) Math.round(width * scale);
        int canvasHeight = (int) Math.round(height * scale);
        int imageWidth = Math.min(canvasWidth, (int) Math.round(sourceWidth * scale));
        int imageHeight = Math.min(canvasHeight, (int) Math.round(sourceHeight * scale));
        int x = (int) Math.round((canvasWidth - imageWidth) * Math.clamp(offsetX, 0, 1));
        int y = (int) Math.round((canvasHeight - imageHeight) * Math.clamp(offsetY, 0, 1));
        return new OutpaintCanvas(canvasWidth, canvasHeight, imageWidth, imageHeight, x, y);
    }

    /** The geometry as the parameters providers are mapped from. */
    Map<String, Object> params() {
        return Map.of(
                "canvasSize", List.of(width, height),
                "imageSize", List.of(imageWidth, imageHeight),
                "imageLocation", List.of(x, y));
    }
}
