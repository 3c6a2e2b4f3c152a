package app.kadr.generation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The generations of this instance that found their provider full, longest-waiting first. When a slot is given
 * back the first of them is woken at once instead of at its next look. It lives in memory only: after a restart
 * each waiting job simply joins again at its next look, and the database slots still hold the limit.
 */
@Component
class SlotQueue {

    private final Map<UUID, LinkedHashSet<UUID>> waiting = new ConcurrentHashMap<>();

    /** Joins the end of the provider's line, or keeps its place when already in it. */
    void waits(UUID providerId, UUID generationId) {
        LinkedHashSet<UUID> line = waiting.computeIfAbsent(providerId, id -> new LinkedHashSet<>());
        synchronized (line) {
            line.add(generationId);
        }
    }

    void leaves(UUID providerId, UUID generationId) {
        LinkedHashSet<UUID> line = waiting.get(providerId);
        if (line != null) {
            synchronized (line) {
                line.remove(generationId);
            }
        }
    }

    /** The first few in line: the first may be running its step right now and not take a wake-up. */
    List<UUID> first(UUID providerId, int count) {
        LinkedHashSet<UUID> line = waiting.get(providerId);
        if (line == null) {
            return List.of();
        }
        synchronized (line) {
            return line.stream().limit(count).toList();
        }
    }
}
