package app.kadr.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The ThumbHash placeholder of an image (algorithm by Evan Wallace, github.com/evanw/thumbhash, public domain),
 * reimplemented: a few DCT coefficients of luminance, two chroma channels and alpha, packed into about 25 bytes.
 */
final class ThumbHash {

    static final int MAX_SIZE = 100;

    private ThumbHash() {}

    /** @param image at most 100x100 */
    static String encode(BufferedImage image) {
        return Base64.getEncoder().encodeToString(encode(image.getWidth(), image.getHeight(), argb(image)));
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** @param argb non-premultiplied pixels, row by row */
    static byte[] encode(int w, int h, int[] argb) {
        if (w > MAX_SIZE || h > MAX_SIZE) {
            throw new IllegalArgumentException(w + "x" + h + " does not fit in 100x100");
        }
        int n = w * h;
        double avgR = 0;
        double avgG = 0;
        double avgB = 0;
        double avgA = 0;
        for (int pixel : argb) {
            double alpha = alpha(pixel);
            avgR += alpha / 255 * red(pixel);
            avgG += alpha / 255 * green(pixel);
            avgB += alpha / 255 * blue(pixel);
            avgA += alpha;
        }
        if (avgA > 0) {
            avgR /= avgA;
            avgG /= avgA;
            avgB /= avgA;
        }
        boolean hasAlpha = avgA < n;
        int lLimit = hasAlpha ? 5 : 7;
        int lx = Math.max(1, (int) Math.round((double) lLimit * w / Math.max(w, h)));
        int ly = Math.max(1, (int) Math.round((double) lLimit * h / Math.max(w, h)));

        // Channels over the average colour, so transparent pixels do not drag the colours to black.
        double[] l = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double alpha = alpha(argb[i]);
            double r = avgR * (1 - alpha) + alpha / 255 * red(argb[i]);
            double g = avgG * (1 - alpha) + alpha / 255 * green(argb[i]);
            double b = avgB * (1 - alpha) + alpha / 255 * blue(argb[i]);
            l[i] = (r + g + b) / 3;
            p[i] = (r + g) / 2 - b;
            q[i] = r - g;
            a[i] = alpha;
        }
        Channel lc = Channel.encode(l, w, h, Math.max(3, lx), Math.max(3, ly));
        Channel pc = Channel.encode(p, w, h, 3, 3);
        Channel qc = Channel.encode(q, w, h, 3, 3);
        Channel ac = hasAlpha ? Channel.encode(a, w, h, 5, 5) : null;

        boolean landscape = w > h;
        int header24 = (int) Math.round(63 * lc.dc)
                | ((int) Math.round(31.5 + 31.5 * pc.dc) << 6)
                | ((int) Math.round(31.5 + 31.5 * qc.dc) << 12)
                | ((int) Math.round(31 * lc.scale) << 18)
                | (hasAlpha ? 1 << 23 : 0);
        int header16 = (landscape ? ly : lx)
                | ((int) Math.round(63 * pc.scale) << 3)
                | ((int) Math.round(63 * qc.scale) << 9)
                | (landscape ? 1 << 15 : 0);
        List<Channel> channels = ac == null ? List.of(lc, pc, qc) : List.of(lc, pc, qc, ac);
        int acCount = channels.stream().mapToInt(c -> c.ac.length).sum();
        int acStart = hasAlpha ? 6 : 5;
        byte[] hash = new byte[acStart + (acCount + 1) / 2];
        hash[0] = (byte) header24;
        hash[1] = (byte) (header24 >> 8);
        hash[2] = (byte) (header24 >> 16);
        hash[3] = (byte) header16;
        hash[4] = (byte) (header16 >> 8);
        if (ac != null) {
            hash[5] = (byte) ((int) Math.round(15 * ac.dc) | ((int) Math.round(15 * ac.scale) << 4));
        }
        int index = 0;
        for (Channel channel : channels) {
            for (double f : channel.ac) {
                hash[acStart + (index >> 1)] |= (byte) ((int) Math.round(15 * f) << ((index & 1) << 2));
                index++;
            }
        }
        return hash;
    }

    private static double alpha(int argb) {
        return (argb >>> 24) / 255.0;
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }

    /** One channel's DC term and its AC terms normalised to 0..1 by their largest magnitude. */
    private record Channel(double dc, double[] ac, double scale) {

        static Channel encode(double[] channel, int w, int h, int nx, int ny) {
            double dc = 0;
            double scale = 0;
            List<Double> ac = new ArrayList<>();
            double[] fx = new double[w];
            for (int cy = 0; cy < ny; cy++) {
                for (int cx = 0; cx * ny < nx * (ny - cy); cx++) {
                    for (int x = 0; x < w; x++) {
                        fx[x] = Math.cos(Math.PI / w * cx * (x + 0.5));
                    }
                    double f = 0;
                    for (int y = 0; y < h; y++) {
                        double fy = Math.cos(Math.PI / h * cy * (y + 0.5));
                        for (int x = 0; x < w; x++) {
                            f += channel[x + y * w] * fx[x] * fy;
                        }
                    }
                    f /= w * h;
                    if (cx > 0 || cy > 0) {
                        ac.add(f);
                        scale = Math.max(scale, Math.abs(f));
                    } else {
                        dc = f;
                    }
                }
            }
            double[] normalised = new double[ac.size()];
            for (int i = 0; i < normalised.length; i++) {
                normalised[i] = scale > 0 ? 0.5 + 0.5 / scale * ac.get(i) : ac.get(i);
            }
            return new Channel(dc, normalised, scale);
        }
    }
}
