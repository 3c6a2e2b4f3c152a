package app.kadr.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ffmpeg and ffprobe executables shipped inside the bytedeco jars, run as child processes with a time limit.
 *
 * <p>The executables are dynamically linked against the libav* libraries that JavaCPP extracts into a separate
 * cache folder, so each child gets that folder on its LD_LIBRARY_PATH. On Linux, libavdevice also needs the system
 * library libpulse.so.0 (Debian package libpulse0): without it loading fails and every video is refused as
 * unprocessable.
 */
final class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    private static final int STDERR_TAIL_CHARS = 3000;

    /** The output of a finished process; stderr only as its tail, for logs. */
    record Result(byte[] stdout, String stderrTail) {}

    private record Executables(String ffmpeg, String ffprobe, String libraryPath) {}

    private static volatile @Nullable Executables executables;

    private Ffmpeg() {}

    static Result ffmpeg(List<String> args, Duration timeout, String failureKey) throws MediaException {
        return run(locate().ffmpeg(), args, timeout, failureKey);
    }

    static Result ffprobe(List<String> args, Duration timeout, String failureKey) throws MediaException {
        return run(locate().ffprobe(), args, timeout, failureKey);
    }

    private static Executables locate() throws MediaException {
        Executables found = executables;
        if (found != null) {
            return found;
        }
        synchronized (Ffmpeg.class) {
            if (executables == null) {
                executables = extract();
            }
            return executables;
        }
    }

    private static Executables extract() throws MediaException {
        // The GPL build is the one with libx264 and libwebp; the app's main() and surefire normally choose it.
        if (System.getProperty(PLATFORM_EXTENSION) == null
                && System.getProperty("javacpp.platform.extension") == null) {
            System.setProperty(PLATFORM_EXTENSION, "-gpl");
        }
        try {
            String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
            Set<String> folders = new LinkedHashSet<>();
            for (String library : Loader.getLoadedLibraries().values()) {
                Path parent = Path.of(library).getParent();
                if (parent != null) {
                    folders.add(parent.toString());
                }
            }
            log.info("Using bundled ffmpeg at {}", ffmpeg);
            return new Executables(ffmpeg, ffprobe, String.join(":", folders));
        } catch (LinkageError | RuntimeException e) {
            log.error("The bundled ffmpeg cannot be loaded (is libpulse0 installed?)", e);
            throw new MediaException("media.processing.failed", e);
        }
    }

    private static Result run(String executable, List<String> args, Duration timeout, String failureKey)
            throws MediaException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        String name = Path.of(executable).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command);
        String inherited = System.getenv("LD_LIBRARY_PATH");
        String libraryPath = locate().libraryPath();
        builder.environment().put("LD_LIBRARY_PATH", inherited == null ? libraryPath : libraryPath + ":" + inherited);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MediaException("media.processing.failed", e);
        }
        CompletableFuture<byte[]> stdout = readInBackground(process.getInputStream());
        CompletableFuture<String> stderr =
                CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()), Ffmpeg::startVirtual);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new MediaException(
                        "media.processing.failed",
                        new IOException(name + " timed out after " + timeout + "; stderr: " + tailOf(stderr)));
            }
            int exit = process.exitValue();
            String stderrTail = stderr.get(5, TimeUnit.SECONDS);
            if (exit != 0) {
                throw new MediaException(
                        failureKey, new IOException(name + " exited with " + exit + "; stderr: " + stderrTail));
            }
            return new Result(stdout.get(5, TimeUnit.SECONDS), stderrTail);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException("media.processing.failed", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new MediaException("media.processing.failed", e);
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
    private static String tail(InputStream in) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (text.length() > 2 * STDERR_TAIL_CHARS) {
                    text.delete(0, text.length() - STDERR_TAIL_CHARS);
                }
            }
        } catch (IOException e) {
            text.append(" [stderr unreadable: ").append(e.getMessage()).append(']');
        }
        return text.length() > STDERR_TAIL_CHARS
                ? text.substring(text.length() - STDERR_TAIL_CHARS).strip()
                : text.toString().strip();
    }

    private static void startVirtual(Runnable task) {
        Thread.ofVirtual().name("ffmpeg-pipe").start(task);
    }
}
