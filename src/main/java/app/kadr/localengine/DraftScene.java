package app.kadr.localengine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a draft shows, decided once from the prompt and the seed: a horizon with hills, a light in the sky, a few soft
 * clouds and subjects, a vignette and grain. Positions are fractions of the frame (x of its width, y of its height)
 * and sizes are fractions of its height, so the same scene paints alike at any size.
 */
record DraftScene(
        Mood mood,
        Palette palette,
        double horizon,
        double tilt,
        List<Wave> hills,
        double ridgeHeight,
        List<Wave> ridge,
        double lightX,
        double lightY,
        double lightRadius,
        double glowRadius,
        double glowStrength,
        List<Blob> clouds,
        List<Blob> subjects,
        double vignette,
        double grain,
        long grainSeed) {

    /** One sine of a hill line, as a fraction of the frame height. */
    record Wave(double amplitude, double frequency, double phase) {

        double at(double x) {
            return amplitude * StrictMath.sin(2 * Math.PI * frequency * x + phase);
        }
    }

    /**
     * A soft shape: an ellipse, or a rounded box for buildings. {@code shaded} ones are lit from the side of the
     * light, which is what makes a blob read as a thing in the scene rather than a stain.
     */
    record Blob(
            double centerX,
            double centerY,
            double halfWidth,
            double halfHeight,
            boolean boxy,
            Rgb colour,
            double opacity,
            double softness,
            boolean shaded) {}

    static DraftScene compose(String prompt, @Nullable String negativePrompt, long seed) {
        SplitMix dice = new SplitMix(SplitMix.mix(seed) ^ fingerprint(prompt, negativePrompt));
        Mood mood = Mood.of(prompt, negativePrompt, dice);
        Palette palette = Palette.of(mood, dice);
        // A low or a high horizon on a third, as a storyboard artist frames a wide shot.
        double horizon = dice.nextBoolean() ? dice.between(0.34, 0.46) : dice.between(0.56, 0.68);
        boolean flat = mood.terrain() == Mood.Terrain.SEA || mood.terrain() == Mood.Terrain.CITY;
        double hilliness = mood.terrain() == Mood.Terrain.DESERT ? 0.05 : 0.025;
        List<Wave> hills = flat ? List.of() : List.of(wave(dice, hilliness, 0.6, 1.6), wave(dice, hilliness / 3, 2, 5));
        List<Wave> ridge = flat ? List.of() : List.of(wave(dice, 0.5, 1, 3), wave(dice, 0.25, 3, 7));
        double ridgeHeight = flat ? 0 : dice.between(0.03, 0.09);
        double lightX = dice.between(0.12, 0.88);
        double lightY = lightHeight(mood.time(), horizon, dice);
        List<Blob> clouds = clouds(palette, horizon, mood.time(), dice);
        List<Blob> subjects = subjects(mood.terrain(), palette, horizon, dice);
        return new DraftScene(
                mood,
                palette,
                horizon,
                dice.between(-0.04, 0.04),
                hills,
                ridgeHeight,
                ridge,
                lightX,
                lightY,
                mood.time() == Mood.TimeOfDay.SUNSET ? 0.05 : 0.03,
                mood.time() == Mood.TimeOfDay.NIGHT ? 0.08 : 0.22,
                mood.time() == Mood.TimeOfDay.NIGHT ? 0.25 : 0.55,
                clouds,
                subjects,
                dice.between(0.25, 0.45),
                0.03,
                dice.nextLong());
    }

    /** Folds the words into the seed; SHA-256 because String.hashCode collides on short prompts too easily. */
    private static long fingerprint(String prompt, @Nullable String negativePrompt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prompt.strip() + '\u0000' + (negativePrompt == null ? "" : negativePrompt.strip()))
                            .getBytes(StandardCharsets.UTF_8));
            long folded = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                folded = (folded << 8) | (digest[i] & 0xFF);
            }
            return folded;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static Wave wave(SplitMix dice, double amplitude, double minFrequency, double maxFrequency) {
        return new Wave(
                amplitude * dice.between(0.5, 1),
                dice.between(minFrequency, maxFrequency),
                dice.between(0, 2 * Math.PI));
    }

    private static double lightHeight(Mood.TimeOfDay time, double horizon, SplitMix dice) {
        return switch (time) {
            case DAY -> horizon * dice.between(0.15, 0.45);
            case SUNSET -> horizon - dice.between(0.02, 0.08);
            case NIGHT -> horizon * dice.between(0.2, 0.5);
        };
    }

    private static List<Blob> clouds(Palette palette, double horizon, Mood.TimeOfDay time, SplitMix dice) {
        int count = dice.between(0, 3);
        double opacity = time == Mood.TimeOfDay.NIGHT ? 0.15 : 0.4;
        Rgb colour = palette.skyHorizon().mix(palette.light(), 0.5);
        List<Blob> clouds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clouds.add(new Blob(
                    dice.between(0, 1),
                    horizon * dice.between(0.15, 0.75),
                    dice.between(0.15, 0.4),
                    dice.between(0.025, 0.06),
                    false,
                    colour,
                    opacity * dice.between(0.6, 1),
                    0.9,
                    false));
        }
        return clouds;
    }

    /** The things standing on the ground, drawn far to near so the near ones overlap the far ones. */
    private static List<Blob> subjects(Mood.Terrain terrain, Palette palette, double horizon, SplitMix dice) {
        Shapes shapes = Shapes.of(terrain);
        int count = dice.between(shapes.minCount(), shapes.maxCount());
        List<Blob> subjects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double depth = dice.between(0, shapes.maxDepth());
            double base = horizon + 0.01 + depth * (1 - horizon);
            double scale = 0.6 + depth * 1.6;
            double halfHeight = dice.between(shapes.minHalfHeight(), shapes.maxHalfHeight()) * scale;
            double halfWidth = dice.between(shapes.minHalfWidth(), shapes.maxHalfWidth()) * scale;
            // Far things fade into the haze of the horizon.
            Rgb colour = palette.subject().mix(palette.skyHorizon(), 0.45 * (1 - depth) * (1 - depth));
            subjects.add(new Blob(
                    dice.between(0.05, 0.95),
                    base - halfHeight,
                    halfWidth,
                    halfHeight,
                    shapes.boxy(),
                    colour,
                    1,
                    0.12,
                    true));
        }
        subjects.sort(Comparator.comparingDouble(blob -> blob.centerY() + blob.halfHeight()));
        return subjects;
    }

    /** How many subjects a terrain has, how large and how far down the ground they may stand. */
    private record Shapes(
            int minCount,
            int maxCount,
            double minHalfWidth,
            double maxHalfWidth,
            double minHalfHeight,
            double maxHalfHeight,
            double maxDepth,
            boolean boxy) {

        static Shapes of(Mood.Terrain terrain) {
            return switch (terrain) {
                case PLAIN -> new Shapes(2, 4, 0.03, 0.09, 0.04, 0.12, 0.7, false);
                case FOREST -> new Shapes(6, 11, 0.025, 0.05, 0.1, 0.22, 0.6, false);
                case SEA -> new Shapes(0, 2, 0.03, 0.07, 0.012, 0.03, 0.15, false);
                case SNOW -> new Shapes(1, 3, 0.03, 0.08, 0.04, 0.1, 0.6, false);
                case DESERT -> new Shapes(1, 2, 0.04, 0.1, 0.03, 0.08, 0.5, false);
                case CITY -> new Shapes(5, 9, 0.03, 0.07, 0.08, 0.25, 0.12, true);
            };
        }
    }
}
