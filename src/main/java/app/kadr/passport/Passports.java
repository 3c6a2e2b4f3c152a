package app.kadr.passport;

import app.kadr.asset.ProvenanceRow;
import app.kadr.asset.ProvenanceRows;
import app.kadr.element.ElementService;
import app.kadr.element.ElementUse;
import app.kadr.generation.Generation;
import app.kadr.generation.GenerationService;
import app.kadr.project.ProjectService;
import app.kadr.shared.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Builds a project's passport for its owner; anyone else gets 404 from the project lookup. */
@Service
class Passports {

    private final ProjectService projects;
    private final ProvenanceRows provenance;
    private final Messages messages;
    private final JsonMapper json;
    private final ElementService elements;
    private final GenerationService generations;

    Passports(
            ProjectService projects,
            ProvenanceRows provenance,
            Messages messages,
            JsonMapper json,
            ElementService elements,
            GenerationService generations) {
        this.generations = generations;
        this.projects = projects;
        this.elements = elements;
        this.provenance = provenance;
        this.messages = messages;
        this.json = json;
    }

    /**
     * @param baseUrl the studio's public address, so that file links work from a spreadsheet; empty without one (the
     *     links are then paths)
     */
    PassportDocument of(UUID ownerId, UUID projectId, String baseUrl) {
        String name = projects.get(ownerId, projectId).name();
        List<ProvenanceRow> sources = provenance.ofProject(ownerId, projectId);
        Map<UUID, List<ElementUse>> used = elements.usedInProject(ownerId, projectId);
        Map<UUID, Integer> takesPerGeneration = new HashMap<>();
        for (ProvenanceRow source : sources) {
            if (source.generationId() != null) {
                takesPerGeneration.merge(source.generationId(), 1, Integer::sum);
            }
        }
        Map<UUID, Generation.Loras> loras = generations.lorasInProject(ownerId, projectId, takesPerGeneration.keySet());
        String notSent = messages.get("passport.lora.not_sent");
        Map<String, String> labels = new HashMap<>();
        String yes = messages.get("passport.headliner.yes");
        String no = messages.get("passport.headliner.no");
        List<PassportRow> rows = sources.stream()
                .map(source -> {
                    List<PassportRow.Lora> rowLoras = lorasOf(source, loras);
                    return new PassportRow(
                            source,
                            baseUrl + source.fileUrl(),
                            share(source, takesPerGeneration),
                            labels.computeIfAbsent("asset.kind." + source.kind(), messages::get),
                            labels.computeIfAbsent("asset.origin." + source.origin(), messages::get),
                            source.headliner() ? yes : no,
                            source.params().isEmpty() ? "" : json.writeValueAsString(source.params()),
                            source.generationId() == null
                                    ? List.of()
                                    : used.getOrDefault(source.generationId(), List.of()),
                            rowLoras,
                            lorasText(rowLoras, notSent));
                })
                .toList();
        return new PassportDocument(projectId, name, Instant.now(), rows);
    }

    private static List<PassportRow.Lora> lorasOf(ProvenanceRow source, Map<UUID, Generation.Loras> loras) {
        Generation.Loras used = source.generationId() == null ? null : loras.get(source.generationId());
        if (used == null) {
            return List.of();
        }
        List<PassportRow.Lora> all = new java.util.ArrayList<>();
        used.sent().forEach(l -> all.add(new PassportRow.Lora(l.name(), l.externalId(), l.weight(), true)));
        used.notSent().forEach(l -> all.add(new PassportRow.Lora(l.name(), l.externalId(), l.weight(), false)));
        return List.copyOf(all);
    }

    /** «Аня (fal) civitai:58390@1 ×0.65», one per LoRA; one its model could not take says so. */
    private static String lorasText(List<PassportRow.Lora> loras, String notSent) {
        return loras.stream()
                .map(lora -> lora.name() + " " + lora.externalId() + " ×"
                        + lora.weight().toPlainString() + (lora.sent() ? "" : " " + notSent))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A batched generation made several takes for one price: each take carries an equal share, so that the
     * cost column adds up to what the live takes cost.
     */
    private static @Nullable BigDecimal share(ProvenanceRow source, Map<UUID, Integer> takesPerGeneration) {
        BigDecimal cost = source.generationCost();
        if (cost == null || source.generationId() == null) {
            return null;
        }
        int takes = takesPerGeneration.getOrDefault(source.generationId(), 1);
        return takes == 1 ? cost : cost.divide(BigDecimal.valueOf(takes), 4, RoundingMode.HALF_UP);
    }
}
