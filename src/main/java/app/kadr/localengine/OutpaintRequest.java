package app.kadr.localengine;

import java.nio.file.Path;

/**
 * Put the image, at {@code imageWidth × imageHeight}, with its top-left corner at ({@code x}, {@code y}) on a canvas of
 * {@code width × height}, and fill the rest.
 */
public record OutpaintRequest(Path sourceImage, int width, int height, int imageWidth, int imageHeight, int x, int y) {}
