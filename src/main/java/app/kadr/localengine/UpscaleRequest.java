package app.kadr.localengine;

import java.nio.file.Path;

/** A plain, not generative, enlargement of an image by {@code factor} (2 or 4) on each side. */
public record UpscaleRequest(Path sourceImage, int factor) {}
