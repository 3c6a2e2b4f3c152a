package app.kadr.platform;

/**
 * The bands of a frame the platform covers with its own interface (captions, buttons, the progress bar), as shares
 * of the frame's height (top, bottom) and width (left, right). Faces and text belong outside them.
 */
public record SafeZone(double top, double bottom, double left, double right) {

    static final SafeZone NONE = new SafeZone(0, 0, 0, 0);
}
