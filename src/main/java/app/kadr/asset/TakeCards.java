package app.kadr.asset;

import app.kadr.shared.RenderedFragments;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The box's take cards, each rendered once per distinct take: a card shows only its {@link Asset} (a record of the
 * take with its file versions and star), whether it is the headliner, whether it is stale (made with an element's
 * older version) and its «Дубль N», so these are the key. The
 * cards were most of the box's render time (docs/benchmarks.md, sections 7 and 9).
 */
@Component
class TakeCards {

    private final RenderedFragments fragments;

    TakeCards(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    /** {@code staleGenerations}: the project's generations made with an element's older version. */
    String of(
            Asset asset,
            @Nullable UUID headliner,
            Map<UUID, Integer> numbers,
            Set<UUID> staleGenerations,
            Locale locale) {
        boolean stale = asset.generation() != null
                && staleGenerations.contains(asset.generation().id());
        return fragments.of(
                "box/feed",
                "card",
                Map.of(
                        "asset",
                        asset,
                        "headliner",
                        asset.id().equals(headliner),
                        "stale",
                        stale,
                        "number",
                        numbers.getOrDefault(asset.id(), 1)),
                locale);
    }

    String of(
            List<Asset> assets,
            @Nullable UUID headliner,
            Map<UUID, Integer> numbers,
            Set<UUID> staleGenerations,
            Locale locale) {
        StringBuilder html = new StringBuilder(assets.size() * 3072);
        for (Asset asset : assets) {
            html.append(of(asset, headliner, numbers, staleGenerations, locale));
        }
        return html.toString();
    }
}
