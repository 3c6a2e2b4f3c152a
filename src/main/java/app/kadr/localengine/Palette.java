package app.kadr.localengine;

/**
 * The colours of a draft. The sky comes from the time of day, the ground and its subjects from the terrain, and the
 * ambient light of the time of day tints everything below the horizon, which is what makes a night dark.
 */
record Palette(Rgb skyTop, Rgb skyHorizon, Rgb light, Rgb groundFar, Rgb groundNear, Rgb subject) {

    /**
     * How far, relatively, a seed may nudge each channel, so two drafts of the same mood are not twins. Relative, so
     * a dark night colour is not tinted purple by a nudge that is invisible on a bright one.
     */
    private static final double JITTER = 0.12;

    static Palette of(Mood mood, SplitMix dice) {
        Sky sky = Sky.of(mood.time());
        Ground ground = Ground.of(mood.terrain());
        Rgb tint = new Rgb(jitter(dice), jitter(dice), jitter(dice));
        return new Palette(
                nudged(sky.top(), tint, dice),
                nudged(sky.horizon(), tint, dice),
                sky.light(),
                nudged(ground.far().times(sky.ambient()), tint, dice),
                nudged(ground.near().times(sky.ambient()), tint, dice),
                nudged(ground.subject().times(sky.ambient()), tint, dice));
    }

    private static Rgb nudged(Rgb colour, Rgb tint, SplitMix dice) {
        return colour.scaled(
                1 + tint.r() + jitter(dice) / 2, 1 + tint.g() + jitter(dice) / 2, 1 + tint.b() + jitter(dice) / 2);
    }

    private static double jitter(SplitMix dice) {
        return dice.between(-JITTER, JITTER);
    }

    private record Sky(Rgb top, Rgb horizon, Rgb light, Rgb ambient) {

        static Sky of(Mood.TimeOfDay time) {
            return switch (time) {
                case DAY -> new Sky(Rgb.of(0x4A84D4), Rgb.of(0xC8DCEC), Rgb.of(0xFFF6E0), Rgb.of(0xFFFFFF));
                case SUNSET -> new Sky(Rgb.of(0x3C3470), Rgb.of(0xF29A52), Rgb.of(0xFFC070), Rgb.of(0xF0C8A8));
                case NIGHT -> new Sky(Rgb.of(0x04070F), Rgb.of(0x18203C), Rgb.of(0xC8D4FF), Rgb.of(0x384468));
            };
        }
    }

    private record Ground(Rgb far, Rgb near, Rgb subject) {

        static Ground of(Mood.Terrain terrain) {
            return switch (terrain) {
                case PLAIN -> new Ground(Rgb.of(0x8A9A5C), Rgb.of(0x4E5E2E), Rgb.of(0x3A4030));
                case FOREST -> new Ground(Rgb.of(0x3E6A3C), Rgb.of(0x1C3A1E), Rgb.of(0x244A28));
                case SEA -> new Ground(Rgb.of(0x3C6E9A), Rgb.of(0x12324E), Rgb.of(0x2A2E34));
                case SNOW -> new Ground(Rgb.of(0xE4EAF2), Rgb.of(0xC4CEDC), Rgb.of(0x4A4E58));
                case DESERT -> new Ground(Rgb.of(0xDDB878), Rgb.of(0xA87A44), Rgb.of(0x6A4A2C));
                case CITY -> new Ground(Rgb.of(0x6C6C74), Rgb.of(0x38383E), Rgb.of(0x2C2E36));
            };
        }
    }
}
