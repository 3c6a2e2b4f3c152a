package app.kadr.localengine;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Paints a {@link DraftScene} pixel by pixel. Only IEEE arithmetic, {@code Math.sqrt} and {@code StrictMath} are used,
 * all of which Java defines exactly, so the same scene gives the same pixels on every machine; Java2D antialiasing and
 * fonts would not.
 */
final class DraftPainter {

    /** Stars are this rare among sky pixels at night. */
    private static final int STAR_CHANCE_IN_65536 = 40;

    private final DraftScene scene;
    private final Palette palette;
    private final int width;
    private final int height;
    private final double aspect;
    /** The ground line and the distant ridge line of each column, as fractions of the height. */
    private final double[] horizonOf;

    private final double[] ridgeOf;

    private DraftPainter(DraftScene scene, int width, int height) {
        this.scene = scene;
        this.palette = scene.palette();
        this.width = width;
        this.height = height;
        this.aspect = (double) width / height;
        this.horizonOf = new double[width];
        this.ridgeOf = new double[width];
        for (int x = 0; x < width; x++) {
            double nx = (x + 0.5) / width;
            double horizon = scene.horizon() + scene.tilt() * (nx - 0.5);
            for (DraftScene.Wave hill : scene.hills()) {
                horizon += hill.at(nx);
            }
            double ridge = 0;
            for (DraftScene.Wave wave : scene.ridge()) {
                ridge += wave.at(nx);
            }
            horizonOf[x] = horizon;
            ridgeOf[x] = horizon - scene.ridgeHeight() * (0.6 + ridge);
        }
    }

    static BufferedImage paint(DraftScene scene, int width, int height) {
        return new DraftPainter(scene, width, height).paint();
    }

    private BufferedImage paint() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Pixel pixel = new Pixel();
        for (int y = 0; y < height; y++) {
            double ny = (y + 0.5) / height;
            for (int x = 0; x < width; x++) {
                double nx = (x + 0.5) / width;
                if (ny < horizonOf[x]) {
                    paintSky(pixel, x, y, nx, ny);
                } else {
                    paintGround(pixel, x, y, nx, ny);
                }
                for (DraftScene.Blob subject : scene.subjects()) {
                    blend(pixel, subject, nx, ny);
                }
                finish(pixel, x, y, nx, ny);
                pixels[y * width + x] = pixel.packed();
            }
        }
        return image;
    }

    private void paintSky(Pixel pixel, int x, int y, double nx, double ny) {
        pixel.set(palette.skyTop()).mix(palette.skyHorizon(), Math.sqrt(Math.max(0, ny / horizonOf[x])));
        if (scene.mood().time() == Mood.TimeOfDay.NIGHT && hash(x, y, scene.grainSeed() + 1) < STAR_CHANCE_IN_65536) {
            pixel.add(palette.light(), 0.6 * (1 - ny / horizonOf[x]));
        }
        for (DraftScene.Blob cloud : scene.clouds()) {
            blend(pixel, cloud, nx, ny);
        }
        double distance = distanceToLight(nx, ny);
        pixel.add(palette.light(), glow(distance));
        double disc = Math.clamp((scene.lightRadius() - distance) / (scene.lightRadius() * 0.2), 0.0, 1.0);
        // Added, not mixed: the disc must outshine its own glow, whatever the sky behind it.
        pixel.add(palette.light(), 1.2 * disc);
        if (ny > ridgeOf[x]) {
            // Distant hills: the near ground colour lost in the haze of the horizon.
            pixel.mix(palette.groundFar().mix(palette.skyHorizon(), 0.55), 0.9);
        }
    }

    private void paintGround(Pixel pixel, int x, int y, double nx, double ny) {
        double depth = Math.clamp((ny - horizonOf[x]) / (1 - horizonOf[x]), 0.0, 1.0);
        pixel.set(palette.groundFar()).mix(palette.groundNear(), Math.sqrt(depth));
        // The ground is brighter towards the light, and darker with distance from it.
        pixel.add(palette.light(), 0.35 * glow(Math.abs(nx - scene.lightX()) * aspect + depth * 0.6));
        if (scene.mood().terrain() == Mood.Terrain.SEA) {
            addReflection(pixel, y, nx, depth);
        }
    }

    /** The glittering path of light on water: narrow at the horizon, wider and weaker towards the viewer. */
    private void addReflection(Pixel pixel, int y, double nx, double depth) {
        double spread = 0.02 + 0.2 * depth;
        double across = (nx - scene.lightX()) * aspect / spread;
        int band = (int) ((double) y / height * 240);
        double shimmer = 0.5 + 0.5 * (hash(band, 0, scene.grainSeed()) / 65536.0);
        pixel.add(palette.light(), 0.6 * (1 - depth) * shimmer / (1 + across * across));
    }

    private void blend(Pixel pixel, DraftScene.Blob blob, double nx, double ny) {
        double dy = (ny - blob.centerY()) / blob.halfHeight();
        if (dy <= -1 - blob.softness() || dy >= 1 + blob.softness()) {
            return;
        }
        double dx = (nx - blob.centerX()) * aspect / blob.halfWidth();
        if (dx <= -1 - blob.softness() || dx >= 1 + blob.softness()) {
            return;
        }
        double level = blob.boxy() ? pow8(dx) + pow8(dy) : dx * dx + dy * dy;
        double coverage = blob.opacity() * smoothstep(1 + blob.softness(), 1 - blob.softness(), level);
        if (coverage <= 0) {
            return;
        }
        double shade = 1;
        if (blob.shaded()) {
            double towardsLight = scene.lightX() >= blob.centerX() ? 1 : -1;
            shade = 0.8 + 0.25 * dx * towardsLight - 0.1 * dy;
        }
        pixel.mix(blob.colour(), coverage, shade);
    }

    private void finish(Pixel pixel, int x, int y, double nx, double ny) {
        double cx = nx - 0.5;
        double cy = ny - 0.5;
        pixel.scale(1 - scene.vignette() * 2 * (cx * cx + cy * cy));
        pixel.offset(scene.grain() * (hash(x, y, scene.grainSeed()) / 32768.0 - 1));
    }

    private double distanceToLight(double nx, double ny) {
        double dx = (nx - scene.lightX()) * aspect;
        double dy = ny - scene.lightY();
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** A soft halo that falls off like a lens flare; a rational function because exp is not exact across JVMs. */
    private double glow(double distance) {
        double d = distance / scene.glowRadius();
        return scene.glowStrength() / (1 + 4 * d * d);
    }

    private static double pow8(double value) {
        double square = value * value;
        double fourth = square * square;
        return fourth * fourth;
    }

    private static double smoothstep(double edge0, double edge1, double value) {
        double t = Math.clamp((value - edge0) / (edge1 - edge0), 0.0, 1.0);
        return t * t * (3 - 2 * t);
    }

    /** 16 well-mixed bits per pixel, the same for the same position and seed; for grain, stars and shimmer. */
    private static int hash(int x, int y, long seed) {
        long mixed = SplitMix.mix(seed ^ ((long) x << 32 | (y & 0xFFFFFFFFL)));
        return (int) (mixed >>> 48);
    }

    /** The colour being built for one pixel; one instance per painting, so the hot loop allocates nothing. */
    private static final class Pixel {

        private double r;
        private double g;
        private double b;

        Pixel set(Rgb colour) {
            r = colour.r();
            g = colour.g();
            b = colour.b();
            return this;
        }

        Pixel mix(Rgb colour, double amount) {
            return mix(colour, amount, 1);
        }

        Pixel mix(Rgb colour, double amount, double brightness) {
            r += (colour.r() * brightness - r) * amount;
            g += (colour.g() * brightness - g) * amount;
            b += (colour.b() * brightness - b) * amount;
            return this;
        }

        void add(Rgb colour, double amount) {
            r += colour.r() * amount;
            g += colour.g() * amount;
            b += colour.b() * amount;
        }

        void scale(double factor) {
            r *= factor;
            g *= factor;
            b *= factor;
        }

        void offset(double amount) {
            r += amount;
            g += amount;
            b += amount;
        }

        int packed() {
            return channel(r) << 16 | channel(g) << 8 | channel(b);
        }

        private static int channel(double value) {
            return (int) (Math.clamp(value, 0.0, 1.0) * 255 + 0.5);
        }
    }
}
