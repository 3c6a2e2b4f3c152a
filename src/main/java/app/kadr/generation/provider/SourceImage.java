package app.kadr.generation.provider;

import java.nio.file.Path;

/**
 * An image a task starts from (image-to-video, image-to-image, inpaint…), as a local file.
 *
 * @param role what the provider uses it for: {@code image} (the main source), {@code mask}, {@code end_image}
 */
public record SourceImage(Path file, String mimeType, String role) {}
