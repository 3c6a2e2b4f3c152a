package app.kadr.localengine;

import app.kadr.media.BundledFfmpeg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bundled static ffmpeg inside a work folder with a time limit. Stderr goes to a file in that folder rather
 * than a pipe, so a chatty ffmpeg can never block on a full pipe, and the tail tells what went wrong.
 */
final class BundledFfmpegProcess {

    private static final Logger log = LoggerFactory.getLogger(BundledFfmpegProcess.class);
    private static final int STDERR_TAIL_CHARS = 3000;
    private static final Duration GRACE_AFTER_KILL = Duration.ofSeconds(5);

    /** How a run ended: the exit code and the end of what ffmpeg printed. */
    record Finished(int exit, String stderr) {}

    private BundledFfmpegProcess() {}

    /** Runs ffmpeg and refuses a non-zero exit, a timeout or a failure to start with {@code localengine.failed}. */
    static String runOrFail(List<String> args, Duration timeout, Path workDir) throws LocalEngineException {
        Finished finished = run(args, timeout, workDir);
        if (finished.exit() != 0) {
            log.warn("ffmpeg exited with {}: {}", finished.exit(), tail(finished.stderr()));
            throw new LocalEngineException(
                    LocalEngine.FAILED,
                    new IOException("ffmpeg exited with " + finished.exit() + "; stderr: " + tail(finished.stderr())));
        }
        return tail(finished.stderr());
    }

    /** Runs ffmpeg and returns its whole stderr whatever the exit code, as {@code ffmpeg -i file} needs. */
    static Finished run(List<String> args, Duration timeout, Path workDir) throws LocalEngineException {
        Path stderrFile = null;
        try {
            stderrFile = Files.createTempFile(workDir, "ffmpeg-", ".log");
            Process process = start(args, workDir, stderrFile);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                String stderr = tail(Files.readString(stderrFile, StandardCharsets.UTF_8));
                log.warn("ffmpeg timed out after {}: {}", timeout, stderr);
                throw new LocalEngineException(
                        LocalEngine.FAILED,
                        new IOException("ffmpeg timed out after " + timeout + "; stderr: " + stderr));
            }
            return new Finished(process.exitValue(), Files.readString(stderrFile, StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            throw new LocalEngineException(LocalEngine.FAILED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException(LocalEngine.FAILED, e);
        } finally {
            deleteQuietly(stderrFile);
        }
    }

    private static Process start(List<String> args, Path workDir, Path stderrFile) throws IOException {
        List<String> command = new ArrayList<>(args.size() + 4);
        command.add(BundledFfmpeg.executable().toString());
        command.add("-nostdin");
        command.add("-hide_banner");
        command.add("-nostats");
        command.addAll(args);
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderrFile.toFile())
                .start();
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() > STDERR_TAIL_CHARS
                ? stripped.substring(stripped.length() - STDERR_TAIL_CHARS)
                : stripped;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}", file, e);
        }
    }
}
