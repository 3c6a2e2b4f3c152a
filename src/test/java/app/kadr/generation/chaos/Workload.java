package app.kadr.generation.chaos;

import app.kadr.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.ResourceAccessException;

/**
 * Scripts sending uploads and generations to the studio over HTTP, as a person's client would: a request that
 * got no answer (the studio was killed under it) is sent again once the studio is back; an answer is recorded as
 * it came. What was answered 201 or 202 is what the studio promised to keep.
 */
final class Workload {

    /** One request to send: a file to upload into the shot, or a generation to start in it. */
    record Item(
            @Nullable String fileName,
            byte @Nullable [] bytes,
            @Nullable Map<String, ?> generation) {

        static Item upload(String fileName, byte[] bytes) {
            return new Item(fileName, bytes, null);
        }

        static Item generation(Map<String, ?> request) {
            return new Item(null, null, request);
        }
    }

    /** A studio that does not answer yet is asked again after this pause, as a script would retry. */
    private static final Duration RETRY = Duration.ofMillis(100);

    private final Api api;
    private final String shot;
    private final Queue<Item> items;
    private final int total;
    private final AtomicInteger answered = new AtomicInteger();
    private @Nullable CountDownLatch done;

    final List<String> uploads = new CopyOnWriteArrayList<>();
    final List<String> generations = new CopyOnWriteArrayList<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();

    Workload(Api api, String shot, List<Item> items) {
        this.api = api;
        this.shot = shot;
        this.items = new ConcurrentLinkedQueue<>(items);
        this.total = items.size();
    }

    void start(int clients) {
        done = new CountDownLatch(clients);
        CountDownLatch finished = done;
        for (int i = 0; i < clients; i++) {
            Thread.ofVirtual().name("crash-client-" + i).start(() -> {
                try {
                    Item item;
                    while ((item = items.poll()) != null) {
                        send(item);
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
    }

    int acknowledged() {
        return answered.get();
    }

    void awaitSent(Duration limit) throws InterruptedException {
        if (done == null || !done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Only " + answered.get() + " of " + total + " requests answered within " + limit);
        }
    }

    private void send(Item item) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            try {
                Api.Response response = item.generation() == null
                        ? api.upload(
                                "/api/v1/shots/" + shot + "/assets", new Api.NamedBytes(item.fileName(), item.bytes()))
                        : api.post("/api/v1/shots/" + shot + "/generations", attempt(item.generation(), attempt));
                record(item, response);
                return;
            } catch (ResourceAccessException noAnswer) {
                pause();
            }
        }
        unexpected.add("no answer within 3 minutes to " + item);
    }

    /**
     * A generation sent again may have been made the first time too (the answer was lost), so every attempt has a
     * prompt of its own: the fal fake's count per prompt is then a count per generation.
     */
    private static Map<String, ?> attempt(Map<String, ?> request, int attempt) {
        if (attempt == 1) {
            return request;
        }
        Map<String, Object> again = new java.util.HashMap<>(request);
        again.put("prompt", request.get("prompt") + ", попытка " + attempt);
        return again;
    }

    private void record(Item item, Api.Response response) {
        int expected = item.generation() == null ? 201 : 202;
        if (response.status() == expected) {
            List<String> ids = item.generation() == null ? uploads : generations;
            response.json().forEach(created -> ids.add(created.path("id").asString()));
        } else {
            unexpected.add(response.toString());
        }
        answered.incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
