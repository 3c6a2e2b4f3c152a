package app.kadr.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ffmpeg builds the media tests run against: always the bundled one (probed through its text), and the host's
 * ffmpeg and ffprobe (probed through JSON) when it has them — {@code KADR_FFMPEG}/{@code KADR_FFPROBE}, else
 * {@code /usr/bin}. CI installs Debian's ffmpeg, so there both run; a CI run without it fails here rather than
 * quietly testing only one of them.
 */
final class Toolsets {

    /** One build, named for the test report. */
    record Toolset(String name, FfmpegRunner runner, VideoProbe probe) {

        static Toolset of(String name, MediaToolSettings settings) {
            FfmpegRunner runner = new FfmpegRunner(FfmpegBinaries.resolve(settings), settings);
            return new Toolset(name, runner, MediaToolsConfiguration.choose(runner));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Toolset BUNDLED = Toolset.of("bundled ffmpeg 4.4.1", MediaToolSettings.defaults());

    private Toolsets() {}

    static Stream<Toolset> available() {
        return Stream.concat(Stream.of(BUNDLED), system().stream());
    }

    static Optional<Toolset> system() {
        String ffmpeg = configured("KADR_FFMPEG", "/usr/bin/ffmpeg");
        String ffprobe = configured("KADR_FFPROBE", "/usr/bin/ffprobe");
        if (!Files.isExecutable(Path.of(ffmpeg)) || !Files.isExecutable(Path.of(ffprobe))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must test the system ffmpeg too: " + ffmpeg + " and " + ffprobe
                        + " are missing (.ci/run installs Debian's ffmpeg)");
            }
            return Optional.empty();
        }
        return Optional.of(Toolset.of(
                "system ffmpeg + ffprobe " + ffmpeg,
                MediaToolSettings.defaults().withTools(ffmpeg, ffprobe)));
    }

    private static String configured(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
