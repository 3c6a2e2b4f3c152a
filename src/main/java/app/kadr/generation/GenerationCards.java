package app.kadr.generation;

import app.kadr.shared.Messages;
import app.kadr.storyboard.Shot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Generations as the lists show them (the box's side panel, the history page, the studio): status, time, cost. */
@Component
class GenerationCards {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Messages messages;

    GenerationCards(Messages messages) {
        this.messages = messages;
    }

    /** One generation with what the page shows beside it. */
    record Card(
            Generation generation,
            @Nullable Shot shot,
            @Nullable Integer percent,
            String created,
            String elapsed,
            long since,
            boolean live,
            @Nullable String cost,
            boolean estimated) {

        public boolean cancellable() {
            return generation.status().equals("pending") || generation.status().equals("running");
        }

        public boolean retryable() {
            return generation.status().equals("failed") || generation.status().equals("cancelled");
        }
    }

    List<Card> of(List<Generation> found, Map<UUID, Shot> shots) {
        Instant now = Instant.now();
        return found.stream().map(g -> card(g, shots.get(g.shotId()), now)).toList();
    }

    private Card card(Generation g, @Nullable Shot shot, Instant now) {
        Instant start = g.startedAt() != null ? g.startedAt() : g.createdAt();
        Instant end = g.finishedAt() != null ? g.finishedAt() : now;
        boolean live = g.finishedAt() == null && g.status().equals("running");
        Integer percent = g.progress() == null ? null : (int) Math.round(Math.max(0, Math.min(1, g.progress())) * 100);
        BigDecimal money = g.cost() != null ? g.cost() : g.costEstimate();
        return new Card(
                g,
                shot,
                percent,
                CREATED.format(g.createdAt().atZone(ZoneId.systemDefault())),
                elapsed(Duration.between(start, end)),
                start.toEpochMilli(),
                live,
                money == null ? null : GenerationPages.plain(money),
                g.cost() == null);
    }

    private String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60
                ? messages.get("generation.ui.elapsed.seconds", seconds)
                : messages.get("generation.ui.elapsed.minutes", seconds / 60, seconds % 60);
    }
}
