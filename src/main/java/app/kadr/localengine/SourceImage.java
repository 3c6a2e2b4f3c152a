package app.kadr.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/** The size of a still, read from its header only, so checking a huge image costs nothing. */
record SourceImage(Path file, int width, int height) {

    static SourceImage read(Path file) throws LocalEngineException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LocalEngineException(LocalEngine.SOURCE_UNREADABLE);
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new LocalEngineException(LocalEngine.SOURCE_UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new LocalEngineException(LocalEngine.SOURCE_UNREADABLE);
                }
                return new SourceImage(file, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new LocalEngineException(LocalEngine.SOURCE_UNREADABLE, e);
        }
    }
}
