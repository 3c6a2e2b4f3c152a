package app.kadr.batch;

import app.kadr.catalog.Catalog;
import app.kadr.generation.ModelPicker;
import org.springframework.stereotype.Component;

/**
 * The models a batch may be run with: those that start from words alone, shown in the generation module's picker
 * dialog (those that cannot run now greyed with the reason). The batch only needs the form field {@code modelId}.
 */
@Component
class BatchModels {

    private final Catalog catalog;

    BatchModels(Catalog catalog) {
        this.catalog = catalog;
    }

    ModelPicker picker() {
        return ModelPicker.of(catalog.models(null, null, null, false).stream()
                .filter(m -> m.enabled() && BatchService.TASKS.contains(m.task()))
                .toList());
    }
}
