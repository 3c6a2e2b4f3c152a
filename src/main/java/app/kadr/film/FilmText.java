package app.kadr.film;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Text drawn onto an animatic by ffmpeg's {@code drawtext}, which needs a font file: the one configured
 * ({@code kadr.film.font}) or the first common sans-serif with Cyrillic found on the host. Without any, the film
 * is rendered without text (cards stay plain) rather than not at all. Titles go through a text file next to the
 * segments, so that no title can break out of the filter graph.
 */
@Component
class FilmText {

    private static final Logger log = LoggerFactory.getLogger(FilmText.class);

    private static final List<String> COMMON_FONTS = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf");

    private static final String BOX = ":fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=%d";

    private final Optional<Path> font;
    private final AtomicInteger files = new AtomicInteger();

    FilmText(@Value("${kadr.film.font:}") String configured) {
        this.font = find(configured);
        if (font.isEmpty()) {
            log.warn("No font for animatic text (set kadr.film.font): cards and burn-in will have no text");
        }
    }

    private static Optional<Path> find(String configured) {
        return (configured.isBlank() ? COMMON_FONTS : List.of(configured))
                .stream()
                        .map(Path::of)
                        .filter(Files::isReadable)
                        .filter(path -> quotable(path.toString()))
                        .findFirst();
    }

    /** A title in the middle of a card. */
    Optional<String> centred(String title, int size, Path work) throws IOException {
        return draw(title, work, "x=(w-tw)/2:y=(h-th)/2:fontsize=" + size + ":fontcolor=white");
    }

    /** The shot's number and title in the top-left corner. */
    Optional<String> corner(String label, int size, Path work) throws IOException {
        return draw(label, work, "x=%1$d:y=%1$d:fontsize=%2$d".formatted(size, size) + BOX.formatted(size / 3));
    }

    /** A running SMPTE timecode in the bottom-right corner, starting at the shot's place in the film. */
    Optional<String> timecode(String start, int fps, int size) {
        return font.map(file -> "drawtext=fontfile='%s':timecode='%s':rate=%d:x=w-tw-%d:y=h-th-%d:fontsize=%d"
                        .formatted(file, start.replace(":", "\\:"), fps, size, size, size)
                + BOX.formatted(size / 3));
    }

    private Optional<String> draw(String text, Path work, String placement) throws IOException {
        if (font.isEmpty() || !quotable(work.toString())) {
            return Optional.empty();
        }
        Path file = work.resolve("text-" + files.incrementAndGet() + ".txt");
        Files.writeString(file, text.replaceAll("\\s+", " ").strip(), StandardCharsets.UTF_8);
        return Optional.of(
                "drawtext=fontfile='%s':textfile='%s':%s".formatted(font.get(), file.toAbsolutePath(), placement));
    }

    /** A path goes into the filter graph between single quotes; one that could end them is not used. */
    private static boolean quotable(String path) {
        return !path.contains("'") && !path.contains("\\") && !path.contains(":") && !path.contains("%");
    }
}
