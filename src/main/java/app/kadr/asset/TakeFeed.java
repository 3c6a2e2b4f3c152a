package app.kadr.asset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The takes the box shows, in the order the person chose, each with its «Дубль N». The caller has already checked
 * that the shot is theirs.
 */
@Component
class TakeFeed {

    private final Assets assets;
    private final Provenance provenance;

    TakeFeed(Assets assets, Provenance provenance) {
        this.assets = assets;
        this.provenance = provenance;
    }

    /** The live takes and, for each, its number among every take the shot ever had. */
    record Takes(List<Asset> items, Map<UUID, Integer> numbers) {}

    @Transactional(readOnly = true)
    Takes of(UUID shotId, @Nullable String kind, boolean oldestFirst, int limit) {
        List<Asset> items = provenance.assets(assets.feed(shotId, kind, null, limit, oldestFirst));
        return new Takes(items, numbers(shotId));
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
