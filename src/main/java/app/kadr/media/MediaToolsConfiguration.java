package app.kadr.media;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses, once at start, which ffmpeg decodes files and how videos are probed, and says so in the log. A configured
 * ffmpeg or ffprobe is run once here ({@code -version}), so one that cannot run on this host stops the start.
 */
@Configuration(proxyBeanMethods = false)
class MediaToolsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaToolsConfiguration.class);
    /** Hover clips and the offline engine's clips (H.264), poster frames (BMP), upscales (PNG). */
    static final Set<String> REQUIRED_ENCODERS = Set.of("libx264", "bmp", "png");

    @Bean
    FfmpegRunner ffmpegRunner(MediaToolSettings settings) {
        FfmpegRunner runner = new FfmpegRunner(FfmpegBinaries.resolve(settings), settings);
        Path system = runner.binaries().system();
        if (system != null) {
            requireEncoders(runner, system);
        }
        log.info(
                "ffmpeg: {}; at most {} threads each; time limits: probe {}, preview {}, render {}",
                system == null ? "the bundled static build (JAVE, linux-amd64)" : version(runner, system),
                settings.ffmpegThreads(),
                settings.probeTimeLimit(),
                settings.previewTimeLimit(),
                settings.renderTimeLimit());
        return runner;
    }

    @Bean
    VideoProbe videoProbe(FfmpegRunner runner) {
        VideoProbe probe = choose(runner);
        Path ffprobe = runner.binaries().ffprobe();
        log.info("Videos are probed with {}", ffprobe == null ? probe.describe() : version(runner, ffprobe));
        return probe;
    }

    static VideoProbe choose(FfmpegRunner runner) {
        return runner.hasFfprobe() ? new FfprobeVideoProbe(runner) : new FfmpegTextVideoProbe(runner);
    }

    /** Some builds leave out libx264 (its licence); without it no hover clip could be made, so say so at start. */
    private static void requireEncoders(FfmpegRunner runner, Path ffmpeg) {
        Set<String> missing = new TreeSet<>(REQUIRED_ENCODERS);
        try {
            missing.removeAll(runner.encoders());
        } catch (FfmpegException e) {
            throw new IllegalStateException(ffmpeg + " does not run: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(ffmpeg + " (KADR_FFMPEG) lacks the encoders " + missing
                    + " the studio needs; Debian's ffmpeg package has them");
        }
    }

    private static String version(FfmpegRunner runner, Path binary) {
        try {
            return runner.versionOf(binary) + " (" + binary + ")";
        } catch (FfmpegException e) {
            throw new IllegalStateException(binary + " does not run: " + e.getMessage(), e);
        }
    }
}
