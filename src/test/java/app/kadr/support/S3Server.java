package app.kadr.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server for the tests: s3proxy (Maven {@code org.gaul:s3proxy}, copied to {@code target/s3proxy} by
 * the build) in a process of its own, on a free port of 127.0.0.1, over a folder under {@code target/}. One server
 * serves the whole test run; each test takes a bucket of its own. It stops with the test JVM.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "kadr-test";
    public static final String SECRET_KEY = "kadr-test-secret";

    private static S3Server running;

    private final String endpoint;

    private S3Server(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The server, started on first use. */
    public static synchronized S3Server get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A bucket name no other test uses; the store makes the bucket itself. */
    public static String newBucket() {
        return "kadr-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** The settings that point a studio at this server, with a bucket of its own. */
    public Map<String, String> studioSettings(String bucket) {
        return Map.of(
                "kadr.s3.endpoint", endpoint,
                "kadr.s3.bucket", bucket,
                "kadr.s3.access-key", ACCESS_KEY,
                "kadr.s3.secret-key", SECRET_KEY);
    }

    /** The keys of every object in a bucket, asked of the server itself (not of a studio). */
    public List<String> keys(String bucket) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }

    /** An object's ETag as the server gives it: a multipart upload's ends with {@code -<number of parts>}. */
    public String eTag(String bucket, String key) {
        try (S3Client s3 = client()) {
            return s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
        }
    }

    /** Multipart uploads begun in a bucket and neither completed nor aborted. */
    public int unfinishedUploads(String bucket) {
        try (S3Client s3 = client()) {
            return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
        }
    }

    private S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private static S3Server start() {
        try {
            Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": run the tests through Maven, which copies it there");
            }
            Path home = Files.createDirectories(Path.of("target", "s3proxy", "run-" + UUID.randomUUID()))
                    .toAbsolutePath();
            Path data = Files.createDirectories(home.resolve("data"));
            int port = freePort();
            String endpoint = "http://127.0.0.1:" + port;
            Path properties = Files.writeString(
                    home.resolve("s3proxy.conf"),
                    String.join(
                            "\n",
                            "s3proxy.endpoint=" + endpoint,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            // The browser's direct uploads are cross-origin PUTs.
                            "s3proxy.cors-allow-all=true",
                            "jclouds.provider=filesystem",
                            "jclouds.identity=unused",
                            "jclouds.credential=unused",
                            "jclouds.filesystem.basedir=" + data,
                            ""));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("s3proxy.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitListening(process, port, home.resolve("s3proxy.log"));
            return new S3Server(endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("s3proxy stopped: " + Files.readString(log));
                        }
                        return listening(port);
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("s3proxy did not listen within 60 s: " + Files.readString(log));
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
