package app.kadr.generation;

import app.kadr.catalog.Catalog;
import app.kadr.element.ElementService;
import app.kadr.element.StaleUse;
import app.kadr.shared.Access;
import app.kadr.shared.OwnedKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes made with an element version that has since been replaced («Устарело»), and their regeneration: the same
 * model, parameters and seed, from the prompt as it was written, so its @mentions now expand into the new versions.
 */
@Service
public class StaleTakes {

    private final ElementService elements;
    private final Generations generations;
    private final GenerationService service;
    private final Access access;
    private final EditInputs edits;
    private final Catalog catalog;

    StaleTakes(
            ElementService elements,
            Generations generations,
            GenerationService service,
            Access access,
            EditInputs edits,
            Catalog catalog) {
        this.edits = edits;
        this.catalog = catalog;
        this.elements = elements;
        this.generations = generations;
        this.service = service;
        this.access = access;
    }

    /** One stale generation: where it is, its takes, the elements it is behind on and what making it again costs. */
    public record Stale(
            UUID generationId,
            UUID shotId,
            List<UUID> assetIds,
            List<StaleUse> elements,
            @Nullable BigDecimal estimatedCost) {}

    /** The project's stale generations and their total, or what a regeneration started (none on a dry run). */
    public record Report(
            List<Stale> items, int takes, BigDecimal estimatedCost, boolean dryRun, List<UUID> generationIds) {}

    @Transactional(readOnly = true)
    public Report list(UUID ownerId, UUID projectId) {
        return report(ownerId, projectId, true, List.of());
    }

    /** Regenerates every stale generation of the project; a dry run only counts and prices them. */
    @Transactional
    public Report regenerate(UUID ownerId, UUID projectId, boolean dryRun) {
        Report stale = list(ownerId, projectId);
        if (dryRun) {
            return stale;
        }
        List<UUID> started = new ArrayList<>();
        for (Stale item : stale.items()) {
            GenerationRow row = generations.byId(item.generationId()).orElseThrow();
            Map<String, Object> params = new LinkedHashMap<>(row.params());
            // The same seed, where the model lets one be chosen (a model without that field would refuse it).
            if (catalog.find(row.modelId())
                    .filter(model -> model.schema().param("seed").isPresent())
                    .isPresent()) {
                params.put("seed", row.seed());
            }
            // An inpainted take names its mask among its sources; made again, the mask goes where masks go.
            List<UUID> sources = new ArrayList<>(row.sourceAssetIds());
            UUID mask = edits.maskAmong(ownerId, sources);
            sources.remove(mask);
            String written = elements.writtenPrompt(row.id()).orElse(row.prompt());
            // The elements attached without a mention come again too, like the mentioned ones in their new version.
            NewGeneration again = new NewGeneration(
                    row.modelId(),
                    written,
                    row.negativePrompt(),
                    params,
                    sources,
                    row.variants(),
                    mask,
                    elements.attachedWithoutMention(projectId, row.id()));
            service.generate(ownerId, row.shotId(), again).forEach(g -> started.add(g.id()));
        }
        return report(ownerId, projectId, false, started);
    }

    private Report report(UUID ownerId, UUID projectId, boolean dryRun, List<UUID> started) {
        List<Stale> items = new ArrayList<>();
        int takes = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<UUID, List<StaleUse>> entry :
                elements.stale(ownerId, projectId).entrySet()) {
            // A generation in a trashed shot is gone with it, and not made again.
            if (access.ownerOf(OwnedKind.GENERATION, entry.getKey()).isEmpty()) {
                continue;
            }
            GenerationRow row = generations.byId(entry.getKey()).orElseThrow();
            List<UUID> assets = generations.assetIds(row.id());
            items.add(new Stale(row.id(), row.shotId(), assets, entry.getValue(), row.costEstimate()));
            takes += assets.size();
            total = total.add(row.costEstimate() == null ? BigDecimal.ZERO : row.costEstimate());
        }
        return new Report(items, takes, total, dryRun, started);
    }
}
