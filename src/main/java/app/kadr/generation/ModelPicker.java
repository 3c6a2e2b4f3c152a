package app.kadr.generation;

import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.ProviderKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the model picker dialog shows: every listed model grouped by vendor, those that can run now first in each
 * group, the others greyed with the reason. The browser only filters and chooses; nothing is computed there. Public
 * so that other modules' dialogs (the batch) show the same picker ({@code generation/picker :: dialog}).
 */
public record ModelPicker(List<Group> groups, @Nullable Entry chosen, List<String> vendors) {

    /** A vendor and its models. */
    record Group(String vendor, List<Entry> models) {}

    /**
     * One model as the dialog shows it. {@code priceUsd} and {@code quality} let the dialog filter; {@code whyNotKey}
     * is the short reason it cannot run now («нет ключа API»), null when it can; {@code provider} names the row of
     * the admin catalog page where that is fixed.
     */
    record Entry(
            UUID id,
            String name,
            String vendor,
            String description,
            String quality,
            String task,
            String kind,
            String provider,
            String providerName,
            String priceUnit,
            String priceUsd,
            boolean free,
            String search,
            @Nullable Integer typicalSeconds,
            @Nullable String whyNotKey,
            int maxReferences,
            boolean acceptsLoras) {

        public boolean ready() {
            return whyNotKey == null;
        }

        /** «≈ 40 с» or «≈ 3 мин»: how long one run usually takes. */
        public @Nullable String typicalKey() {
            if (typicalSeconds == null) {
                return null;
            }
            return typicalSeconds < 120
                    ? "generation.ui.picker.typical.seconds"
                    : "generation.ui.picker.typical.minutes";
        }

        public int typicalValue() {
            int seconds = typicalSeconds == null ? 0 : typicalSeconds;
            return seconds < 120 ? seconds : Math.round(seconds / 60f);
        }

        public String qualityKey() {
            return "generation.ui.quality." + quality;
        }

        public String taskKey() {
            return "catalog.admin.task." + task;
        }

        public String priceKey() {
            return free ? "generation.ui.price.free" : "generation.ui.price." + priceUnit;
        }
    }

    public static ModelPicker of(List<CatalogModel> listed) {
        Map<String, List<Entry>> grouped = new LinkedHashMap<>();
        for (CatalogModel m : listed.stream().filter(CatalogModel::ready).toList()) {
            grouped.computeIfAbsent(m.vendor(), v -> new ArrayList<>()).add(entry(m));
        }
        for (CatalogModel m : listed.stream().filter(m -> !m.ready()).toList()) {
            grouped.computeIfAbsent(m.vendor(), v -> new ArrayList<>()).add(entry(m));
        }
        List<Group> groups = grouped.entrySet().stream()
                .map(e -> new Group(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        UUID first = byDefault(listed.stream().filter(CatalogModel::ready).toList());
        Entry chosen = groups.stream()
                .flatMap(g -> g.models().stream())
                .filter(e -> e.id().equals(first))
                .findFirst()
                .orElse(null);
        return new ModelPicker(groups, chosen, List.copyOf(grouped.keySet()));
    }

    /** The model chosen first, for a module that starts generations without showing the picker (portraits). */
    public java.util.Optional<UUID> chosenId() {
        return java.util.Optional.ofNullable(chosen).map(Entry::id);
    }

    /** The tasks of the listed models, for the dialog's task filter. */
    public List<String> tasks() {
        return groups.stream()
                .flatMap(g -> g.models().stream())
                .map(Entry::task)
                .distinct()
                .toList();
    }

    /** Whether any model can run now; with none, the bar says so instead of offering a dead button. */
    public boolean anyReady() {
        return groups.stream().flatMap(g -> g.models().stream()).anyMatch(Entry::ready);
    }

    /**
     * A cloud model an admin has set a key for; else the offline engine, which always works. A self-hosted ComfyUI
     * needs no key, so it being on says nothing about a server answering: it is chosen, then remembered, by hand.
     */
    static @Nullable UUID byDefault(List<CatalogModel> runnable) {
        return runnable.stream()
                .filter(m -> m.provider().kind().needsKey())
                .findFirst()
                .or(() -> runnable.stream()
                        .filter(m -> m.provider().kind() == ProviderKind.LOCAL)
                        .findFirst())
                .or(() -> runnable.stream().findFirst())
                .map(CatalogModel::id)
                .orElse(null);
    }

    private static Entry entry(CatalogModel m) {
        BigDecimal usd = m.price().usdPlain();
        return new Entry(
                m.id(),
                m.name(),
                m.vendor(),
                m.description(),
                m.quality().code(),
                m.task().code(),
                m.task().makesVideo() ? "video" : "image",
                m.provider().kind().code(),
                m.provider().name(),
                m.price().unit().code(),
                usd.toPlainString(),
                usd.signum() == 0,
                (m.name() + " " + m.vendor() + " " + m.description()).toLowerCase(Locale.ROOT),
                m.typicalSeconds(),
                m.notReadyKey(),
                m.referenceLimit(),
                m.acceptsLoras());
    }
}
