package app.kadr.localengine;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;

/**
 * The two picture edits the engine can honestly make without AI. A mask fill grows the colours around the masked area
 * into it, nearest first, and then softens what it made, which removes a small object against a plain background and
 * leaves a smudge on anything else. A canvas extension mirrors the image's edges outwards, as a stand-in until a
 * provider dreams up what lies beyond.
 */
final class ImageEdits {

    private static final int[] DX = {-1, 1, 0, 0, -1, -1, 1, 1};
    private static final int[] DY = {0, 0, -1, 1, -1, 1, -1, 1};
    private static final int SOFTENING_PASSES = 3;

    private ImageEdits() {}

    /** The image with every pixel where the mask is light filled from its surroundings; the rest is untouched. */
    static BufferedImage fill(BufferedImage image, BufferedImage maskImage) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean[] masked = mask(maskImage, width, height);
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean[] known = new boolean[rgb.length];
        ArrayDeque<Integer> front = new ArrayDeque<>();
        for (int i = 0; i < rgb.length; i++) {
            known[i] = !masked[i];
        }
        if (!anyKnown(masked)) {
            java.util.Arrays.fill(rgb, 0xff808080); // the whole picture was masked: nothing to take colours from
        }
        for (int i = 0; i < rgb.length; i++) {
            if (masked[i] && touchesKnown(i, known, width, height)) {
                front.add(i);
            }
        }
        // Breadth first from the mask's edge: each pixel takes the mean of the neighbours already known, so colours
        // flow inwards from every side at once.
        boolean[] queued = new boolean[rgb.length];
        front.forEach(i -> queued[i] = true);
        while (!front.isEmpty()) {
            int i = front.poll();
            rgb[i] = meanOfKnown(i, rgb, known, width, height);
            known[i] = true;
            int x = i % width;
            int y = i / width;
            for (int d = 0; d < DX.length; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                    int n = ny * width + nx;
                    if (!known[n] && !queued[n]) {
                        queued[n] = true;
                        front.add(n);
                    }
                }
            }
        }
        for (int pass = 0; pass < SOFTENING_PASSES; pass++) {
            rgb = soften(rgb, masked, width, height);
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, rgb, 0, width);
        return result;
    }

    /** The image placed on a larger canvas, the canvas's other pixels mirrored from the image's edges. */
    static BufferedImage extend(
            BufferedImage image, int width, int height, int imageWidth, int imageHeight, int x, int y) {
        BufferedImage placed = image.getWidth() == imageWidth && image.getHeight() == imageHeight
                ? image
                : scaled(image, imageWidth, imageHeight);
        int[] source = placed.getRGB(0, 0, imageWidth, imageHeight, null, 0, imageWidth);
        int[] canvas = new int[width * height];
        for (int cy = 0; cy < height; cy++) {
            int sy = mirror(cy - y, imageHeight);
            for (int cx = 0; cx < width; cx++) {
                canvas[cy * width + cx] = source[sy * imageWidth + mirror(cx - x, imageWidth)];
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, canvas, 0, width);
        return result;
    }

    /** A coordinate reflected back into [0, size): … 2 1 0 | 0 1 2 … size-1 | size-1 size-2 … */
    static int mirror(int at, int size) {
        int period = 2 * size;
        int folded = Math.floorMod(at, period);
        return folded < size ? folded : period - 1 - folded;
    }

    private static boolean[] mask(BufferedImage maskImage, int width, int height) {
        BufferedImage sized = maskImage.getWidth() == width && maskImage.getHeight() == height
                ? maskImage
                : scaled(maskImage, width, height);
        boolean[] masked = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = sized.getRGB(x, y);
                int luma = (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
                masked[y * width + x] = luma >= 128;
            }
        }
        return masked;
    }

    private static boolean anyKnown(boolean[] masked) {
        for (boolean m : masked) {
            if (!m) {
                return true;
            }
        }
        return false;
    }

    private static boolean touchesKnown(int i, boolean[] known, int width, int height) {
        int x = i % width;
        int y = i / width;
        for (int d = 0; d < DX.length; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && known[ny * width + nx]) {
                return true;
            }
        }
        return false;
    }

    private static int meanOfKnown(int i, int[] rgb, boolean[] known, int width, int height) {
        int x = i % width;
        int y = i / width;
        int r = 0;
        int g = 0;
        int b = 0;
        int count = 0;
        for (int d = 0; d < DX.length; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && known[ny * width + nx]) {
                int c = rgb[ny * width + nx];
                r += (c >> 16) & 0xff;
                g += (c >> 8) & 0xff;
                b += c & 0xff;
                count++;
            }
        }
        return count == 0 ? rgb[i] : 0xff000000 | (r / count) << 16 | (g / count) << 8 | (b / count);
    }

    /** A 3 × 3 box blur of the masked pixels only, so the fill has no streaks and the rest keeps every detail. */
    private static int[] soften(int[] rgb, boolean[] masked, int width, int height) {
        int[] out = rgb.clone();
        for (int i = 0; i < rgb.length; i++) {
            if (!masked[i]) {
                continue;
            }
            int x = i % width;
            int y = i / width;
            int r = 0;
            int g = 0;
            int b = 0;
            int count = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                        int c = rgb[ny * width + nx];
                        r += (c >> 16) & 0xff;
                        g += (c >> 8) & 0xff;
                        b += c & 0xff;
                        count++;
                    }
                }
            }
            out[i] = 0xff000000 | (r / count) << 16 | (g / count) << 8 | (b / count);
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
