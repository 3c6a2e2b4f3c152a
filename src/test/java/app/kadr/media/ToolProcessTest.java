package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The process machinery under the runner, with programs that behave worse than ffmpeg usually does. */
class ToolProcessTest {

    private final ToolProcess processes = new ToolProcess(2);

    @Test
    void killsWhatTheProcessStartedTooWhenTheLimitIsReached() {
        String marker = UUID.randomUUID().toString();
        // Two children that would outlive their parent if only the parent were killed.
        List<String> command = List.of("/bin/sh", "-c", "sleep 600 & sleep 600 & wait # " + marker);

        CompletableFuture<FfmpegException> failure = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                FfmpegException.class, () -> processes.run(command, Duration.ofSeconds(3), 1024, 1024)));
        List<ProcessHandle> started = await().until(() -> shellWith(marker), family -> family.size() == 3);

        assertThat(failure.join().reason()).isEqualTo(FfmpegException.Reason.TIMED_OUT);
        await().until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void readsAFloodOnBothPipesWithoutBlockingAndKeepsWhatWasAsked() throws FfmpegException {
        // 8 MB on each pipe, far beyond what a pipe buffers: a runner reading one pipe after the other would hang.
        List<String> command = List.of(
                "/bin/sh",
                "-c",
                "head -c 8000000 /dev/zero | tr '\\0' 'o' & head -c 8000000 /dev/zero | tr '\\0' 'e' >&2; wait");

        ToolProcess.Finished finished = processes.run(command, Duration.ofMinutes(1), 1000, 50);

        assertThat(finished.exit()).isZero();
        assertThat(finished.stdout()).hasSize(1000);
        assertThat(finished.stdoutCut()).isTrue();
        assertThat(finished.stderrTail()).hasSize(50).matches("e+");
    }

    @Test
    void saysWhenTheProgramCannotStart() {
        FfmpegException failure = catchThrowableOfType(
                FfmpegException.class,
                () -> processes.run(List.of("/nonexistent/ffmpeg"), Duration.ofSeconds(5), 1024, 1024));

        assertThat(failure.reason()).isEqualTo(FfmpegException.Reason.UNAVAILABLE);
    }

    private static List<ProcessHandle> shellWith(String marker) {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> Arrays.stream(arguments).anyMatch(a -> a.contains(marker)))
                        .orElse(false))
                .flatMap(
                        shell -> java.util.stream.Stream.concat(java.util.stream.Stream.of(shell), shell.descendants()))
                .toList();
    }
}
