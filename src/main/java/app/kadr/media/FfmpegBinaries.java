package app.kadr.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ffmpeg and ffprobe are. A configured binary must exist: a typo in {@code KADR_FFMPEG} stops the start rather
 * than quietly decoding strangers' files with the old bundled build.
 *
 * @param system the configured ffmpeg; null for the bundled static one, extracted on first use
 * @param ffprobe null when there is none: probing then reads what ffmpeg prints
 */
record FfmpegBinaries(@Nullable Path system, @Nullable Path ffprobe) {

    private static final Logger log = LoggerFactory.getLogger(FfmpegBinaries.class);
    private static final FfmpegExtraction BUNDLED = new FfmpegExtraction(FfmpegExtraction.defaultCacheRoot());

    static FfmpegBinaries bundled() {
        return new FfmpegBinaries(null, null);
    }

    static FfmpegBinaries resolve(MediaToolSettings settings) {
        Path ffmpeg = settings.ffmpeg().isEmpty() ? null : require(settings.ffmpeg(), "KADR_FFMPEG");
        Path ffprobe;
        if (!settings.ffprobe().isEmpty()) {
            ffprobe = require(settings.ffprobe(), "KADR_FFPROBE");
        } else if (ffmpeg != null && ffmpeg.getParent() != null) {
            ffprobe = Optional.of(ffmpeg.resolveSibling("ffprobe"))
                    .filter(FfmpegBinaries::isExecutableFile)
                    .orElse(null);
        } else {
            ffprobe = null;
        }
        return new FfmpegBinaries(ffmpeg, ffprobe);
    }

    /** The ffmpeg to run; the bundled one is copied out of the jar the first time. */
    Path ffmpeg() throws FfmpegException {
        if (system != null) {
            return system;
        }
        try {
            return BUNDLED.executable();
        } catch (IOException | RuntimeException e) {
            log.error("The bundled ffmpeg cannot be extracted", e);
            throw new FfmpegException(FfmpegException.Reason.UNAVAILABLE, "The bundled ffmpeg cannot be extracted", e);
        }
    }

    /** A path, or a bare command name looked up on PATH as a shell would. */
    private static Path require(String configured, String variable) {
        Path path = Path.of(configured);
        if (path.getParent() == null) {
            path = onPath(configured).orElse(path);
        }
        if (!isExecutableFile(path)) {
            throw new IllegalStateException(variable + "=" + configured + " is not an executable file"
                    + " (install one, e.g. apt-get install ffmpeg, or leave " + variable + " unset)");
        }
        return path.toAbsolutePath();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (isExecutableFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
