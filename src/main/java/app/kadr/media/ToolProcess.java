package app.kadr.media;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs ffmpeg or ffprobe as a child process: at most a few at once, each within its time limit. Both pipes are read by
 * their own virtual threads from the start, so a process that writes a lot never blocks on a full pipe; whatever
 * ends a run early (the limit, an interrupted caller) kills the process together with anything it started.
 */
final class ToolProcess {

    /** How long a killed process and its pipes get to close before the run is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** How a run ended: its exit code, stdout (up to the asked size) and the end of stderr. */
    record Finished(int exit, byte[] stdout, boolean stdoutCut, String stderrTail) {}

    /**
     * ffmpeg is CPU-bound: more processes than cores only make each one slower and multiply memory use, while
     * background jobs may run several media steps at once.
     */
    private final Semaphore processes;

    ToolProcess(int maxProcesses) {
        this.processes = new Semaphore(Math.max(1, maxProcesses), true);
    }

    Finished run(List<String> command, Duration timeLimit, int maxStdoutBytes, int stderrTailChars)
            throws FfmpegException {
        try {
            processes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException(FfmpegException.Reason.INTERRUPTED, "Interrupted while waiting to run", e);
        }
        try {
            return runNow(command, timeLimit, maxStdoutBytes, stderrTailChars);
        } finally {
            processes.release();
        }
    }

    private static Finished runNow(List<String> command, Duration timeLimit, int maxStdoutBytes, int stderrTailChars)
            throws FfmpegException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new FfmpegException(FfmpegException.Reason.UNAVAILABLE, "Cannot start " + command.getFirst(), e);
        }
        CompletableFuture<Captured> stdout = inBackground(() -> head(process.getInputStream(), maxStdoutBytes));
        CompletableFuture<String> stderr = inBackground(() -> tail(process.getErrorStream(), stderrTailChars));
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new FfmpegException(
                        FfmpegException.Reason.TIMED_OUT,
                        timeLimit,
                        programName(command) + " ran past its time limit of " + timeLimit + " and was killed; stderr: "
                                + orEmpty(stderr),
                        null);
            }
            Captured out = stdout.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return new Finished(
                    process.exitValue(), out.bytes(), out.cut(), stderr.get(GRACE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new FfmpegException(FfmpegException.Reason.INTERRUPTED, programName(command) + " was stopped", e);
        } catch (ExecutionException | TimeoutException e) {
            // It exited, yet its pipes were not read to the end in time: something it started still holds them, or
            // the machine is overloaded. Not the input's fault.
            killTree(process);
            throw new FfmpegException(
                    FfmpegException.Reason.UNAVAILABLE, programName(command) + "'s output could not be read", e);
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    /** Children first: once the parent is gone they are no longer its descendants and would be missed. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String programName(List<String> command) {
        return new File(command.getFirst()).getName();
    }

    private record Captured(byte[] bytes, boolean cut) {}

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> CompletableFuture<T> inBackground(Reader<T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-pipe").start(() -> {
            try {
                result.complete(reader.read());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Keeps the first {@code max} bytes and drains the rest, so the process never waits on a full pipe. */
    private static Captured head(InputStream in, int max) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean cut = false;
        byte[] buffer = new byte[8192];
        try (in) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                int room = max - kept.size();
                kept.write(buffer, 0, Math.min(room, read));
                cut |= read > room;
            }
        }
        return new Captured(kept.toByteArray(), cut);
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
        String all = text.toString().strip();
        return all.length() > chars ? all.substring(all.length() - chars) : all;
    }

    /** What a killed process managed to say; its pipe closes once it is gone. */
    private static String orEmpty(CompletableFuture<String> stderr) {
        try {
            return stderr.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
