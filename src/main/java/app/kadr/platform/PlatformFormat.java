package app.kadr.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The versions Kadr makes, with each platform's own size and the bands its interface covers.
 *
 * <p>Telegram is the one without a fixed shape: a post shows a photo or a video at its own proportions, so the
 * version keeps them, only cut to the range a chat shows without letterboxing (4:5 portrait to 16:9 landscape), and
 * is brought to 1280 px on the long side (Telegram's standard photo size; larger photos are recompressed down to it,
 * and a 1280 px video streams in the app without conversion). Its video bitrate is capped at 2.5 Mbit/s, so a clip
 * of up to two and a half minutes stays under the 50 MB a bot may send.
 */
public enum PlatformFormat {
    REELS(1080, 1920, new SafeZone(0.14, 0.2, 0, 0.12), 8000),
    FEED(1080, 1350, new SafeZone(0, 0, 0.031, 0.031), 6000),
    SQUARE(1080, 1080, new SafeZone(0, 0, 0.125, 0.125), 6000),
    YOUTUBE(1920, 1080, new SafeZone(0.08, 0.12, 0, 0), 8000),
    TELEGRAM(0, 0, new SafeZone(0, 0.08, 0, 0), 2500);

    static final int TELEGRAM_LONG_SIDE = 1280;
    private static final double TALLEST = 4.0 / 5;
    private static final double WIDEST = 16.0 / 9;

    private final int width;
    private final int height;
    private final SafeZone safeZone;
    private final int maxVideoKbps;

    PlatformFormat(int width, int height, SafeZone safeZone, int maxVideoKbps) {
        this.width = width;
        this.height = height;
        this.safeZone = safeZone;
        this.maxVideoKbps = maxVideoKbps;
    }

    /** As the API names it: {@code reels}, {@code feed}, {@code square}, {@code youtube}, {@code telegram}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<PlatformFormat> byApiName(String name) {
        return Arrays.stream(values())
                .filter(format -> format.apiName().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The key of its name, which is also the name of the take it becomes, e.g. «Reels 9:16». */
    public String labelKey() {
        return "asset.platform.format." + apiName();
    }

    public SafeZone safeZone() {
        return safeZone;
    }

    int maxVideoKbps() {
        return maxVideoKbps;
    }

    /** The size of this version of a {@code sourceWidth × sourceHeight} take: {width, height}, both even. */
    public int[] sizeFor(int sourceWidth, int sourceHeight) {
        if (this != TELEGRAM) {
            return new int[] {width, height};
        }
        double aspect = Math.max(TALLEST, Math.min(WIDEST, (double) sourceWidth / sourceHeight));
        int longSide = TELEGRAM_LONG_SIDE;
        return aspect >= 1
                ? new int[] {longSide, even(longSide / aspect)}
                : new int[] {even(longSide * aspect), longSide};
    }

    private static int even(double side) {
        return Math.max(2, (int) Math.round(side / 2) * 2);
    }
}
