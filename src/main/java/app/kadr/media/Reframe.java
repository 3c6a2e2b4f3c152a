package app.kadr.media;

/**
 * A new frame for a picture or a clip: the largest part of the source with the target's proportions, placed so that
 * the focal point is as near its middle as the edges allow, scaled to exactly {@code width × height}.
 */
public record Reframe(int width, int height, FocalPoint focus) {

    public Reframe {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("A frame needs an even size, not " + width + "x" + height);
        }
    }

    /** The part of a {@code sourceWidth × sourceHeight} picture this frame takes, in its pixels. */
    Crop cropOf(int sourceWidth, int sourceHeight) {
        double aspect = (double) width / height;
        int w = (int) Math.max(1, Math.min(sourceWidth, Math.round(sourceHeight * aspect)));
        int h = (int) Math.max(1, Math.min(sourceHeight, Math.round(w / aspect)));
        return new Crop(
                placed(focus.x() * sourceWidth, w, sourceWidth),
                placed(focus.y() * sourceHeight, h, sourceHeight),
                w,
                h);
    }

    /** The start of a span of {@code size} centred on {@code centre}, moved back inside {@code 0..whole}. */
    private static int placed(double centre, int size, int whole) {
        long start = Math.round(centre - size / 2.0);
        return (int) Math.max(0, Math.min(whole - size, start));
    }

    /** A rectangle of the source, in pixels from its top left corner. */
    record Crop(int x, int y, int width, int height) {}
}
