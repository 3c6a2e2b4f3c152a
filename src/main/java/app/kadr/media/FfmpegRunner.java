package app.kadr.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one way the studio runs ffmpeg and ffprobe. Every run that reads or writes media gets the same guard rails,
 * whoever asks (asking for {@code -version} or {@code -encoders} only gets the time limit):
 *
 * <ul>
 *   <li>a thread cap ({@code -threads} on every input and output, {@code -filter_threads}), so one large file cannot
 *       take every core;
 *   <li>the time limit of its kind of work, after which the process is killed;
 *   <li>inputs only from local files ({@code -protocol_whitelist file}) and only through the demuxers their format
 *       allows ({@code -format_whitelist}): a hostile file cannot make ffmpeg fetch an address or read other files;
 *   <li>no standard input, no banner, no progress lines.
 * </ul>
 */
public class FfmpegRunner {

    private static final int STDERR_TAIL_CHARS = 3000;
    /** Enough for the stream listing of any real file, small enough that a file spamming warnings costs little. */
    private static final int DESCRIPTION_CHARS = 256 * 1024;
    /** ffprobe's JSON of a real file is a few KB; one that lists a million streams is refused, not parsed. */
    private static final int MAX_STDOUT_BYTES = 4 * 1024 * 1024;

    private final FfmpegBinaries binaries;
    private final MediaToolSettings settings;
    private final ToolProcess processes;

    FfmpegRunner(FfmpegBinaries binaries, MediaToolSettings settings) {
        this.binaries = binaries;
        this.settings = settings;
        this.processes = new ToolProcess(Runtime.getRuntime().availableProcessors());
    }

    /** The bundled static ffmpeg with the default limits, for tools and tests that run outside the application. */
    public static FfmpegRunner withBundledFfmpeg() {
        return withBundledFfmpeg(MediaToolSettings.defaults());
    }

    /** The bundled static ffmpeg with other limits; the tools named in {@code settings} are not looked at. */
    public static FfmpegRunner withBundledFfmpeg(MediaToolSettings settings) {
        return new FfmpegRunner(FfmpegBinaries.bundled(), settings);
    }

    /**
     * Runs ffmpeg to its end.
     *
     * @throws FfmpegException {@link FfmpegException.Reason#FAILED} for a non-zero exit, with the end of stderr in
     *     the message; {@link FfmpegException.Reason#TIMED_OUT} past the limit of {@code work}
     */
    public void run(FfmpegCommand command, FfmpegWork work) throws FfmpegException {
        if (command.output() == null) {
            throw new IllegalArgumentException("An ffmpeg command needs an output");
        }
        ToolProcess.Finished finished = processes.run(
                commandLine(binaries.ffmpeg(), command, "error"),
                settings.timeLimit(work),
                MAX_STDOUT_BYTES,
                STDERR_TAIL_CHARS);
        requireSuccess("ffmpeg", finished);
    }

    /**
     * What {@code ffmpeg -i file} prints about the input. Without an output ffmpeg always exits with 1 ("At least
     * one output file must be specified"), so the exit code says nothing and the text is returned as it is.
     */
    String describe(Path file, InputFormat format) throws FfmpegException {
        return processes
                .run(
                        commandLine(binaries.ffmpeg(), FfmpegCommand.read(file, format), "info"),
                        settings.timeLimit(FfmpegWork.PROBE),
                        MAX_STDOUT_BYTES,
                        DESCRIPTION_CHARS)
                .stderrTail();
    }

    /** ffprobe's JSON about the container and every stream. */
    String probeJson(Path file, InputFormat format) throws FfmpegException {
        ToolProcess.Finished finished = processes.run(
                ffprobeCommandLine(file, format),
                settings.timeLimit(FfmpegWork.PROBE),
                MAX_STDOUT_BYTES,
                STDERR_TAIL_CHARS);
        requireSuccess("ffprobe", finished);
        if (finished.stdoutCut()) {
            throw new FfmpegException(
                    FfmpegException.Reason.FAILED, "ffprobe said more than " + MAX_STDOUT_BYTES + " bytes", null);
        }
        return new String(finished.stdout(), StandardCharsets.UTF_8);
    }

    boolean hasFfprobe() {
        return binaries.ffprobe() != null;
    }

    /** The names of the encoders this ffmpeg has, such as {@code libx264}. */
    Set<String> encoders() throws FfmpegException {
        ToolProcess.Finished finished = processes.run(
                List.of(binaries.ffmpeg().toString(), "-hide_banner", "-encoders"),
                settings.timeLimit(FfmpegWork.PROBE),
                MAX_STDOUT_BYTES,
                STDERR_TAIL_CHARS);
        requireSuccess("ffmpeg", finished);
        return new String(finished.stdout(), StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(words -> words.length > 1)
                .map(words -> words[1])
                .collect(Collectors.toSet());
    }

    /** The first line of {@code -version}; running it also proves that a configured binary works on this host. */
    String versionOf(Path binary) throws FfmpegException {
        ToolProcess.Finished finished = processes.run(
                List.of(binary.toString(), "-version"),
                settings.timeLimit(FfmpegWork.PROBE),
                MAX_STDOUT_BYTES,
                STDERR_TAIL_CHARS);
        requireSuccess(binary.getFileName().toString(), finished);
        return new String(finished.stdout(), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
    }

    FfmpegBinaries binaries() {
        return binaries;
    }

    List<String> commandLine(Path ffmpeg, FfmpegCommand command, String logLevel) {
        String threads = Integer.toString(settings.ffmpegThreads());
        List<String> line = new ArrayList<>(List.of(
                ffmpeg.toString(),
                "-nostdin",
                "-hide_banner",
                "-nostats",
                "-v",
                logLevel,
                "-filter_threads",
                threads,
                "-filter_complex_threads",
                threads));
        for (FfmpegCommand.Input input : command.inputs()) {
            line.addAll(List.of(
                    "-threads", threads, "-protocol_whitelist", "file", "-format_whitelist", input.allowedDemuxers()));
            line.addAll(input.options());
            line.addAll(List.of("-i", input.url()));
        }
        @Nullable String output = command.output();
        if (output != null) {
            line.addAll(List.of("-threads", threads));
            line.addAll(command.outputOptions());
            line.addAll(List.of("-y", output));
        }
        return line;
    }

    List<String> ffprobeCommandLine(Path file, InputFormat format) throws FfmpegException {
        Path ffprobe = binaries.ffprobe();
        if (ffprobe == null) {
            throw new FfmpegException(FfmpegException.Reason.UNAVAILABLE, "No ffprobe is configured", null);
        }
        return List.of(
                ffprobe.toString(),
                "-hide_banner",
                "-v",
                "error",
                "-threads",
                Integer.toString(settings.ffmpegThreads()),
                "-protocol_whitelist",
                "file",
                "-format_whitelist",
                format.demuxers(),
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                "-i",
                FfmpegCommand.fileUrl(file));
    }

    private static void requireSuccess(String program, ToolProcess.Finished finished) throws FfmpegException {
        if (finished.exit() != 0) {
            throw new FfmpegException(
                    FfmpegException.Reason.FAILED,
                    program + " exited with " + finished.exit() + "; stderr: " + finished.stderrTail(),
                    null);
        }
    }
}
