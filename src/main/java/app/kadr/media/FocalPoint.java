package app.kadr.media;

/**
 * A point of a picture that a crop keeps in view, as fractions of the upright picture's width and height (0 is the
 * left or top edge, 1 the right or bottom edge).
 */
public record FocalPoint(double x, double y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    public FocalPoint {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("A focal point lies inside the picture, not at " + x + ", " + y);
        }
    }
}
