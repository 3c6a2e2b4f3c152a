package app.kadr.asset;

import app.kadr.shared.Cursor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The takes the box shows, in the order the person chose, one keyset page at a time, each with its «Дубль N». The
 * caller has already checked that the shot is theirs.
 */
@Component
class TakeFeed {

    private final Assets assets;
    private final Provenance provenance;

    TakeFeed(Assets assets, Provenance provenance) {
        this.assets = assets;
        this.provenance = provenance;
    }

    /**
     * One page of live takes and, for each, its number among every take the shot ever had.
     *
     * @param next the cursor of the following page, or null when this page is the last
     */
    record Takes(
            List<Asset> items,
            Map<UUID, Integer> numbers,
            @Nullable String next) {}

    @Transactional(readOnly = true)
    Takes of(UUID shotId, @Nullable String kind, boolean oldestFirst, @Nullable String cursor, int limit) {
        return of(shotId, kind, null, oldestFirst, cursor, limit);
    }

    /** The same, only the takes of the given generations when they are given (the «Устарело» filter). */
    @Transactional(readOnly = true)
    Takes of(
            UUID shotId,
            @Nullable String kind,
            java.util.@Nullable Collection<UUID> generations,
            boolean oldestFirst,
            @Nullable String cursor,
            int limit) {
        // One row more than the page tells whether another page follows without counting the rest.
        List<AssetRow> rows = assets.feed(shotId, kind, generations, Cursor.decode(cursor), limit + 1, oldestFirst);
        List<Asset> items = provenance.assets(rows.stream().limit(limit).toList());
        String next = rows.size() > limit
                ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode()
                : null;
        return new Takes(items, numbers(shotId), next);
    }

    @Transactional(readOnly = true)
    Map<UUID, Integer> numbers(UUID shotId) {
        List<UUID> order = assets.takeOrder(shotId);
        Map<UUID, Integer> numbers = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            numbers.put(order.get(i), i + 1);
        }
        return numbers;
    }
}
