package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The one ffmpeg runner, against the bundled ffmpeg and the host's. */
@ParameterizedClass
@MethodSource("app.kadr.media.Toolsets#available")
class FfmpegRunnerTest {

    private static final int THREADS = 3;
    /** The first run may first copy the bundled ffmpeg out of the jar, on a busy machine. */
    private static final Duration STARTING = Duration.ofMinutes(1);

    private final Toolsets.Toolset tools;

    @TempDir
    Path dir;

    FfmpegRunnerTest(Toolsets.Toolset tools) {
        this.tools = tools;
    }

    @Test
    void killsARunPastTheTimeLimitOfItsKindOfWorkAndSaysWhichLimit() {
        FfmpegRunner runner = runnerWith(Duration.ofSeconds(1));
        String marker = UUID.randomUUID().toString();

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> runUnchecked(runner, endless(marker)));
        ProcessHandle process = await().atMost(STARTING)
                .until(() -> processWith(marker), Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(run::isDone);

        FfmpegException failure = failureOf(run);
        assertThat(failure.reason()).isEqualTo(FfmpegException.Reason.TIMED_OUT);
        assertThat(failure.timeLimitInRussian()).isEqualTo("1 с");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void runsEveryFfmpegWithTheThreadCapOnItsCommandLine() {
        FfmpegRunner runner = runnerWith(Duration.ofMinutes(5));
        String marker = UUID.randomUUID().toString();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> runUnchecked(runner, endless(marker)));
        try {
            ProcessHandle process = await().atMost(STARTING)
                    .until(() -> processWith(marker), Optional::isPresent)
                    .orElseThrow();

            List<String> arguments = List.of(process.info().arguments().orElseThrow());
            assertThat(arguments)
                    .containsSubsequence("-filter_threads", "3")
                    .containsSubsequence("-threads", "3", "-protocol_whitelist", "file", "-format_whitelist", "lavfi")
                    .containsSubsequence("-i", "-threads", "3", "-metadata");
        } finally {
            run.cancel(true);
            processWith(marker).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void killsTheProcessWhenItsCallerIsCancelled() {
        FfmpegRunner runner = runnerWith(Duration.ofMinutes(5));
        String marker = UUID.randomUUID().toString();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                runner.run(endless(marker), FfmpegWork.PREVIEW);
            } catch (FfmpegException e) {
                outcome.set(e);
            }
        });
        ProcessHandle process = await().atMost(STARTING)
                .until(() -> processWith(marker), Optional::isPresent)
                .orElseThrow();

        caller.interrupt();

        await().atMost(STARTING).until(() -> outcome.get() != null);
        assertThat(outcome.get())
                .isInstanceOfSatisfying(
                        FfmpegException.class,
                        e -> assertThat(e.reason()).isEqualTo(FfmpegException.Reason.INTERRUPTED));
        await().atMost(STARTING).until(() -> !process.isAlive());
    }

    @Test
    void putsTheTailOfStderrInTheFailure() {
        FfmpegException failure = catchThrowableOfType(
                FfmpegException.class,
                () -> tools.runner()
                        .run(
                                FfmpegCommand.read(dir.resolve("missing.mp4"), InputFormat.VIDEO)
                                        .discardOutput(),
                                FfmpegWork.PROBE));

        assertThat(failure.reason()).isEqualTo(FfmpegException.Reason.FAILED);
        assertThat(failure).hasMessageContaining("No such file or directory");
    }

    @Test
    void describesAnInputEvenThoughFfmpegExitsWithoutAnOutput() throws Exception {
        Path clip = Fixtures.clip(dir, "a.mp4", 1, List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));

        String description = tools.runner().describe(clip, InputFormat.VIDEO);

        assertThat(description)
                .contains("Input #0", "Video: h264", "Audio: aac", "At least one output file must be specified");
    }

    @Test
    void hasEveryEncoderTheStudioAndItsTestsUse() throws FfmpegException {
        assertThat(tools.runner().encoders())
                .contains("libx264", "libvpx", "libvpx-vp9", "libwebp", "aac", "libopus", "bmp", "mjpeg");
    }

    /** An upload that is really a playlist of addresses: nothing may be fetched, whichever demuxer reads it. */
    @Test
    void fetchesNothingAPlaylistPointsAt() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            Path playlist = Fixtures.write(dir, "clip.mp4", """
                    #EXTM3U
                    #EXT-X-TARGETDURATION:1
                    #EXTINF:1,
                    http://127.0.0.1:%d/segment.ts
                    #EXT-X-ENDLIST
                    """.formatted(
                    server.getAddress().getPort()).getBytes(StandardCharsets.UTF_8));

            FfmpegException failure = catchThrowableOfType(
                    FfmpegException.class,
                    () -> tools.runner()
                            .run(FfmpegCommand.read(playlist, InputFormat.VIDEO).discardOutput(), FfmpegWork.PROBE));

            assertThat(failure.reason()).isEqualTo(FfmpegException.Reason.FAILED);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private FfmpegRunner runnerWith(Duration previewLimit) {
        MediaToolSettings settings = MediaToolSettings.defaults()
                .withLimits(THREADS, Duration.ofSeconds(30), previewLimit, Duration.ofMinutes(30));
        return new FfmpegRunner(tools.runner().binaries(), settings);
    }

    /** A generated picture at its own pace, forever: only the runner can end it. */
    private static FfmpegCommand endless(String marker) {
        return FfmpegCommand.generate("testsrc=size=64x36:rate=5", "-re")
                .discardOutput("-metadata", "comment=" + marker);
    }

    private static Optional<ProcessHandle> processWith(String marker) {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> Arrays.asList(arguments).contains("comment=" + marker))
                        .orElse(false))
                .findFirst();
    }

    private static void runUnchecked(FfmpegRunner runner, FfmpegCommand command) {
        try {
            runner.run(command, FfmpegWork.PREVIEW);
        } catch (FfmpegException e) {
            throw new CompletionException(e);
        }
    }

    private static FfmpegException failureOf(CompletableFuture<Void> run) {
        Throwable thrown = catchThrowableOfType(CompletionException.class, run::join);
        assertThat(thrown).isNotNull();
        Throwable cause =
                thrown.getCause() instanceof CompletionException nested ? nested.getCause() : thrown.getCause();
        assertThat(cause).isInstanceOf(FfmpegException.class);
        return (FfmpegException) cause;
    }
}
