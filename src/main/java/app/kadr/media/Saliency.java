package app.kadr.media;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Where the eye goes first in a picture, estimated without a model: on a small copy, each pixel's energy is its edge
 * strength (Sobel on the luminance) plus how far its colour is from the picture's average colour; the answer is the
 * centre of mass of the strongest fifth of that energy. Busy detail and a colour that stands out attract it; a plain
 * sky or wall does not. A picture with no structure at all answers its centre.
 */
final class Saliency {

    /** Enough pixels to find a subject, few enough that it costs about a millisecond. */
    static final int SIDE = 96;

    private static final double STRONGEST_SHARE = 0.2;
    private static final double FLAT = 4.0;

    private Saliency() {}

    /** @param image upright, TYPE_INT_RGB or TYPE_INT_ARGB */
    static FocalPoint of(BufferedImage image) {
        BufferedImage small = Stills.fit(image, SIDE);
        int w = small.getWidth();
        int h = small.getHeight();
        if (w < 3 || h < 3) {
            return FocalPoint.CENTRE;
        }
        int[] rgb = small.getRGB(0, 0, w, h, null, 0, w);
        double[] energy = energy(rgb, w, h);
        double[] sorted = energy.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor((sorted.length - 1) * (1 - STRONGEST_SHARE))];
        if (sorted[sorted.length - 1] < FLAT) {
            return FocalPoint.CENTRE;
        }
        double total = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double weight = energy[y * w + x] - threshold;
                if (weight > 0) {
                    total += weight;
                    sumX += weight * (x + 0.5);
                    sumY += weight * (y + 0.5);
                }
            }
        }
        if (total == 0) {
            return FocalPoint.CENTRE;
        }
        return new FocalPoint(sumX / total / w, sumY / total / h);
    }

    private static double[] energy(int[] rgb, int w, int h) {
        double[] luma = new double[rgb.length];
        double meanR = 0;
        double meanG = 0;
        double meanB = 0;
        for (int i = 0; i < rgb.length; i++) {
            int r = (rgb[i] >> 16) & 0xff;
            int g = (rgb[i] >> 8) & 0xff;
            int b = rgb[i] & 0xff;
            luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
            meanR += r;
            meanG += g;
            meanB += b;
        }
        meanR /= rgb.length;
        meanG /= rgb.length;
        meanB /= rgb.length;
        double[] energy = new double[rgb.length];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = luma[i - w + 1]
                        + 2 * luma[i + 1]
                        + luma[i + w + 1]
                        - luma[i - w - 1]
                        - 2 * luma[i - 1]
                        - luma[i + w - 1];
                double gy = luma[i + w - 1]
                        + 2 * luma[i + w]
                        + luma[i + w + 1]
                        - luma[i - w - 1]
                        - 2 * luma[i - w]
                        - luma[i - w + 1];
                double dr = ((rgb[i] >> 16) & 0xff) - meanR;
                double dg = ((rgb[i] >> 8) & 0xff) - meanG;
                double db = (rgb[i] & 0xff) - meanB;
                // The Sobel sum reaches about 4x a step's height; a quarter of it weighs like the colour distance.
                energy[i] = Math.hypot(gx, gy) / 4 + Math.sqrt(dr * dr + dg * dg + db * db);
            }
        }
        return energy;
    }
}
