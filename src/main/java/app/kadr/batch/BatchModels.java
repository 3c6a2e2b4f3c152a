package app.kadr.batch;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The models a batch may be run with: those that start from words alone and can run now, grouped by vendor. The
 * batch dialog shows them as a plain list ({@code batch/model-choice.html}); a richer picker can take its place
 * without the batch noticing, as long as it fills the form field {@code modelId}.
 */
@Component
class BatchModels {

    /** A vendor and its models, in the catalog's order. */
    record Vendor(String name, List<Choice> models) {}

    /** One model to choose, with the message key of what it makes (image or video). */
    record Choice(UUID id, String name, String kindKey) {}

    private final Catalog catalog;

    BatchModels(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Vendor> choices() {
        Map<String, List<Choice>> grouped = new LinkedHashMap<>();
        for (CatalogModel m : catalog.models(null, null, null, true)) {
            if (BatchService.TASKS.contains(m.task()) && m.provider().ready()) {
                String kind = m.task().makesVideo() ? "batch.ui.kind.video" : "batch.ui.kind.image";
                grouped.computeIfAbsent(m.vendor(), v -> new ArrayList<>()).add(new Choice(m.id(), m.name(), kind));
            }
        }
        return grouped.entrySet().stream()
                .map(e -> new Vendor(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }
}
