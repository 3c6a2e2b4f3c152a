package app.kadr.localengine;

import java.nio.file.Path;

/** Fill the white area of a mask (same size as the image, or scaled to it) from the picture around it. */
public record InpaintRequest(Path sourceImage, Path mask) {}
