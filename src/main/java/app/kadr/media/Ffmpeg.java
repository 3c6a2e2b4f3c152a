package app.kadr.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fully static ffmpeg bundled in the JAVE native jar, run as a child process with a time limit. Nothing has to be
 * installed on the host: the binary is extracted once, on first use, and needs no system library.
 */
final class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final int STDERR_TAIL_CHARS = 3000;
    /** Enough for the stream listing of any real file, small enough that a file spamming warnings costs little. */
    private static final int DESCRIPTION_CHARS = 256 * 1024;

    /** The output of a finished process; stderr only as its tail, for logs. */
    record Result(byte[] stdout, String stderrTail) {}

    private record Finished(int exit, byte[] stdout, String stderrTail) {}

    private static final FfmpegExtraction BUNDLED = new FfmpegExtraction(FfmpegExtraction.defaultCacheRoot());

    private Ffmpeg() {}

    /** Runs ffmpeg and refuses a non-zero exit with {@code failureKey}. */
    static Result ffmpeg(List<String> args, Duration timeout, String failureKey) throws MediaException {
        Finished finished = run(args, timeout, STDERR_TAIL_CHARS);
        if (finished.exit() != 0) {
            throw new MediaException(
                    failureKey,
                    new IOException("ffmpeg exited with " + finished.exit() + "; stderr: " + finished.stderrTail()));
        }
        return new Result(finished.stdout(), finished.stderrTail());
    }

    /**
     * What {@code ffmpeg -i file} prints about the input. Without an output ffmpeg always exits with 1 ("At least
     * one output file must be specified"), so the exit code says nothing and the text is returned as it is.
     */
    static String describeInput(Path file, Duration timeout) throws MediaException {
        return run(
                        List.of(
                                "-nostdin",
                                "-hide_banner",
                                "-i",
                                file.toAbsolutePath().toString()),
                        timeout,
                        DESCRIPTION_CHARS)
                .stderrTail();
    }

    /** The extracted binary; the first call extracts it, which takes a moment. */
    static Path executable() throws MediaException {
        try {
            return BUNDLED.executable();
        } catch (IOException | RuntimeException e) {
            log.error("The bundled ffmpeg cannot be extracted", e);
            throw new MediaException("media.processing.failed", e);
        }
    }

    /**
     * Background jobs may run several media steps at once (their threads mostly wait on providers), but ffmpeg
     * is CPU-bound: more processes than cores only make each one slower and multiply memory use.
     */
    private static final Semaphore PROCESSES =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private static Finished run(List<String> args, Duration timeout, int stderrChars) throws MediaException {
        try {
            PROCESSES.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("media.processing.failed", e);
        }
        try {
            return runNow(args, timeout, stderrChars);
        } finally {
            PROCESSES.release();
        }
    }

    private static Finished runNow(List<String> args, Duration timeout, int stderrChars) throws MediaException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MediaException("media.processing.failed", e);
        }
        CompletableFuture<byte[]> stdout = readInBackground(process.getInputStream());
        CompletableFuture<String> stderr =
                CompletableFuture.supplyAsync(() -> tail(process.getErrorStream(), stderrChars), Ffmpeg::startVirtual);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new MediaException(
                        "media.processing.failed",
                        new IOException("ffmpeg timed out after " + timeout + "; stderr: " + tailOf(stderr)));
            }
            String stderrTail = stderr.get(5, TimeUnit.SECONDS);
            return new Finished(process.exitValue(), stdout.get(5, TimeUnit.SECONDS), stderrTail);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException("media.processing.failed", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // ffmpeg ended but its output was not read in time: a busy machine, not a bad file, so the caller's
            // job tries again instead of marking the file broken.
            throw new UncheckedIOException(new IOException("ffmpeg's output was not read in time", e));
        }
    }

    /** What the killed process managed to say; its pipe closes once it is gone. */
    private static String tailOf(CompletableFuture<String> stderr) {
        try {
            return stderr.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static CompletableFuture<byte[]> readInBackground(InputStream in) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (in) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Ffmpeg::startVirtual);
    }

    /** Keeps only the end of stderr: that is where ffmpeg says what went wrong. */
    private static String tail(InputStream in, int chars) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (text.length() > 2 * chars) {
                    text.delete(0, text.length() - chars);
                }
            }
        } catch (IOException e) {
            text.append(" [stderr unreadable: ").append(e.getMessage()).append(']');
        }
        return text.length() > chars
                ? text.substring(text.length() - chars).strip()
                : text.toString().strip();
    }

    private static void startVirtual(Runnable task) {
        Thread.ofVirtual().name("ffmpeg-pipe").start(task);
    }
}
