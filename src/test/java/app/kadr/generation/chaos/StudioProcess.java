package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.KadrApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The studio as a real child process, started as an admin would start it ({@code KadrApplication} on this JVM's
 * java and class path, settings in {@code KADR_*} variables), on one data folder and one port for all its lives,
 * so a test can {@code kill -9} it and start it again. Each life's output goes to its own file under
 * {@code target/}, for diagnosis.
 */
final class StudioProcess {

    /** The exit status of a process ended by SIGKILL: 128 + 9. */
    static final int KILLED = 137;

    private final Path dataDir;
    private final Path logs;
    private final int port;
    private final Map<String, String> environment;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;
    private int lives;

    StudioProcess(Path dataDir, Path logs, int port, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.logs = logs;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts a new life with these extra variables, and waits until it answers its health check. */
    void start(Map<String, String> extra) throws IOException, InterruptedException {
        assertThat(process).as("a studio already running").isNull();
        lives++;
        Path log = logs.resolve("studio-" + lives + ".log");
        Files.createDirectories(logs);
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xmx1g");
        // Starts sooner on a busy machine; the studio's own work here is small.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KadrApplication.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.toFile());
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        env.put("KADR_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        process = builder.start();
        awaitHealthy(log);
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            Process running = process;
            if (running == null || !running.isAlive()) {
                throw new AssertionError("The studio died while starting; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The studio did not become healthy within 90 s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /**
     * {@code kill -9}: the JVM gets no chance to close anything. The helpers it started (ffmpeg) die with it, as
     * they would with their container. Answers the exit status, {@link #KILLED} for a SIGKILL.
     */
    int kill() throws InterruptedException {
        Process running = process;
        assertThat(running).as("a running studio").isNotNull();
        List<ProcessHandle> helpers = running.descendants().toList();
        running.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("the studio ended").isTrue();
        process = null;
        return running.exitValue();
    }

    /** Stops the studio as an admin would (SIGTERM), and waits for it to end. */
    void stop() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.destroy();
            if (!running.waitFor(60, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Regular files under a folder of the data dir, relative to it; none if it does not exist. */
    List<Path> filesUnder(String folder) {
        Path root = dataDir.resolve(folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
