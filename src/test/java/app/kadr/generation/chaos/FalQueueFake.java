package app.kadr.generation.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fal queue (shared/PROVIDERS.md) that takes its time and is often too busy: a submit is answered 429 with a
 * Retry-After at the given share, an accepted request runs for a fixed time, then its result points at a picture
 * this fake also serves. It counts what a chaos test must check: how many submits of each prompt were accepted,
 * how many requests were in flight at most (from an accepted submit until its result is fetched or it is
 * cancelled), and how often each picture was fetched.
 */
final class FalQueueFake {

    private static final Pattern STATUS = Pattern.compile("/fal-ai/[^/]+/requests/([^/?]+)/status.*");
    private static final Pattern CANCEL = Pattern.compile("/fal-ai/[^/]+/requests/([^/?]+)/cancel");
    private static final Pattern RESULT = Pattern.compile("/fal-ai/[^/]+/requests/([^/?]+)");
    private static final Pattern FILE = Pattern.compile("/files/([^/.]+)\\.png");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One accepted request: its prompt and when it was accepted (nanoTime). */
    record Job(String prompt, long acceptedAt) {}

    /** When a request ended (its result fetched) or was accepted at the queue, for the benchmark's handover times. */
    record Moment(String kind, long at) {}

    private final Duration runTime;
    private final Duration submitDelay;
    private final double busyShare;
    private final Random random = new Random(20261127L);
    private final byte[] picture = picture();
    private final WireMockServer server;

    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> acceptedByPrompt = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> fetchesByRequest = new ConcurrentHashMap<>();
    final List<Moment> moments = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger busyAnswers = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    FalQueueFake(Duration runTime, Duration submitDelay, double busyShare) {
        this.runTime = runTime;
        this.submitDelay = submitDelay;
        this.busyShare = busyShare;
        this.server =
                new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new Protocol()));
    }

    void start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    void stop() {
        server.stop();
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    int inFlightNow() {
        return inFlight.size();
    }

    private ResponseDefinition answer(String method, String url, String body) {
        Matcher matcher;
        if (method.equals("POST") && !url.contains("/requests/")) {
            return submit(body);
        }
        if (method.equals("GET") && (matcher = STATUS.matcher(url)).matches()) {
            return status(matcher.group(1));
        }
        if (method.equals("PUT") && (matcher = CANCEL.matcher(url)).matches()) {
            finished(matcher.group(1));
            return json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}").build();
        }
        if (method.equals("GET") && (matcher = RESULT.matcher(url)).matches()) {
            String id = matcher.group(1);
            finished(id);
            return json(200, """
                    {"images":[{"url":"%s/files/%s.png","width":32,"height":32,"content_type":"image/png"}],
                     "seed":7,"has_nsfw_concepts":[false]}""".formatted(baseUrl(), id)).build();
        }
        if (method.equals("GET") && (matcher = FILE.matcher(url)).matches()) {
            String id = matcher.group(1);
            fetchesByRequest.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "image/png")
                    .withBody(picture)
                    .build();
        }
        return json(404, "{\"detail\":\"Not Found\"}").build();
    }

    private ResponseDefinition submit(String body) {
        boolean busy;
        synchronized (random) {
            busy = random.nextDouble() < busyShare;
        }
        if (busy) {
            busyAnswers.incrementAndGet();
            return json(429, "{\"detail\":\"Too many requests\"}")
                    .withHeader("Retry-After", "1")
                    .withFixedDelay((int) submitDelay.toMillis())
                    .build();
        }
        String prompt = JSON.readTree(body).path("prompt").asString();
        String id = UUID.randomUUID().toString();
        jobs.put(id, new Job(prompt, System.nanoTime()));
        acceptedByPrompt.computeIfAbsent(prompt, key -> new AtomicInteger()).incrementAndGet();
        inFlight.put(id, true);
        maxInFlight.accumulateAndGet(inFlight.size(), Math::max);
        moments.add(new Moment("accepted", System.nanoTime()));
        return json(200, """
                {"request_id":"%s","status":"IN_QUEUE","queue_position":0,
                 "status_url":"x","response_url":"x","cancel_url":"x"}""".formatted(id))
                .withFixedDelay((int) submitDelay.toMillis())
                .build();
    }

    private ResponseDefinition status(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return json(404, "{\"detail\":\"Request not found\"}").build();
        }
        boolean done = System.nanoTime() - job.acceptedAt() >= runTime.toNanos();
        return done
                ? json(200, "{\"status\":\"COMPLETED\",\"logs\":[],\"metrics\":{\"inference_time\":1.0}}")
                        .build()
                : json(202, "{\"status\":\"IN_PROGRESS\",\"logs\":[{\"message\":\"50%\",\"level\":\"INFO\"}]}")
                        .build();
    }

    private void finished(String id) {
        if (inFlight.remove(id) != null) {
            moments.add(new Moment("freed", System.nanoTime()));
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static byte[] picture() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request goes through the fake's own logic instead of fixed stubs. */
    private final class Protocol implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            return answer(request.getMethod().getName(), request.getUrl(), request.getBodyAsString());
        }

        @Override
        public String getName() {
            return "fal-queue-fake";
        }
    }
}
