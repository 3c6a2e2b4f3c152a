package app.kadr.localengine;

/**
 * SplitMix64: a tiny random generator whose sequence is fixed by its published algorithm, so a seed gives the same
 * draft and the same camera move on every JDK (the JDK's generators promise no such thing across versions).
 */
final class SplitMix {

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double between(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    int between(int from, int toInclusive) {
        return from + (int) Math.floorMod(nextLong(), (long) toInclusive - from + 1);
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
