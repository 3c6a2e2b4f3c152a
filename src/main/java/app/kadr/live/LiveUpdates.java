package app.kadr.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Keeps this instance's open event streams per project and sends each event to the pages watching that project. */
@Component
class LiveUpdates {

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(UUID projectId) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Set<SseEmitter> watchers = streams.computeIfAbsent(projectId, id -> ConcurrentHashMap.newKeySet());
        watchers.add(emitter);
        Runnable forget = () -> watchers.remove(emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        send(emitter, SseEmitter.event().comment("open"));
        return emitter;
    }

    void deliver(UUID projectId, LiveEvent event) {
        for (SseEmitter emitter : streams.getOrDefault(projectId, Set.of())) {
            send(emitter, SseEmitter.event().name(event.type()).data(event));
        }
    }

    /**
     * Ends every open stream when the application stops: browsers reconnect to the next instance by themselves, and
     * a graceful shutdown need not wait for streams that never end.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(watchers -> watchers.forEach(SseEmitter::complete));
        streams.clear();
    }

    /** A comment now and then keeps proxies from closing idle streams and finds dead ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        streams.values()
                .forEach(watchers ->
                        watchers.forEach(e -> send(e, SseEmitter.event().comment("ping"))));
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
