package app.kadr.generation;

import app.kadr.element.ElementService;
import app.kadr.generation.provider.ProviderException;
import app.kadr.shared.Messages;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A generation as the API and pages show it: its row with the takes it made, the elements, references and LoRAs it
 * went with, and, when it failed, why in the person's words.
 */
@Component
class GenerationViews {

    private final Generations generations;
    private final Messages messages;
    private final ElementService elements;
    private final GenerationReferences references;
    private final GenerationLoras loras;

    GenerationViews(
            Generations generations,
            Messages messages,
            ElementService elements,
            GenerationReferences references,
            GenerationLoras loras) {
        this.generations = generations;
        this.messages = messages;
        this.elements = elements;
        this.references = references;
        this.loras = loras;
    }

    Generation of(GenerationRow row) {
        GenerationStatus status = row.status();
        Generation.Failure failure = status == GenerationStatus.FAILED && row.errorCode() != null
                ? new Generation.Failure(row.errorCode().toLowerCase(Locale.ROOT), failureMessage(row))
                : null;
        return new Generation(
                row.id(),
                row.shotId(),
                row.modelId(),
                String.valueOf(row.modelSnapshot().get("name")),
                String.valueOf(row.modelSnapshot().get("provider")),
                row.task(),
                row.prompt(),
                row.negativePrompt(),
                row.params(),
                row.seed(),
                row.variants(),
                status.apiName(),
                messages.get(status.labelKey()),
                row.progress(),
                row.progressMessage(),
                failure,
                row.sourceAssetIds(),
                generations.assetIds(row.id()),
                row.costEstimate(),
                row.cost(),
                row.createdAt(),
                row.startedAt(),
                row.finishedAt(),
                elements.usedBy(row.id()),
                referencesOf(row.id()),
                loras(loras.of(row.id())));
    }

    /** The LoRAs of each of these generations, by generation (those with none left out). */
    Map<UUID, Generation.Loras> loras(Collection<UUID> generationIds) {
        Map<UUID, Generation.Loras> shown = new HashMap<>();
        loras.of(generationIds).forEach((id, attached) -> shown.put(id, loras(attached)));
        return shown;
    }

    private Generation.Loras loras(GenerationLoras.Attached attached) {
        String note = null;
        if (!attached.notSent().isEmpty()) {
            note = attached.sent().isEmpty()
                    ? messages.get("generation.loras.none_sent")
                    : messages.get(
                            "generation.loras.some_sent",
                            attached.sent().size(),
                            attached.notSent().size());
        }
        return new Generation.Loras(
                attached.sent().stream().map(GenerationViews::loraUse).toList(),
                attached.notSent().stream().map(GenerationViews::loraUse).toList(),
                note);
    }

    private static Generation.LoraUse loraUse(GenerationLoras.Used used) {
        return new Generation.LoraUse(
                used.lora().id(),
                used.elementId(),
                used.lora().name(),
                used.lora().externalId(),
                used.lora().triggerWord(),
                used.weight());
    }

    private Generation.References referencesOf(UUID generationId) {
        GenerationReferences.Attached attached = references.of(generationId);
        String note = null;
        if (!attached.notSent().isEmpty()) {
            note = attached.sent().isEmpty()
                    ? messages.get("generation.references.none_sent")
                    : messages.get(
                            "generation.references.some_sent",
                            attached.sent().size(),
                            attached.notSent().size());
        }
        return new Generation.References(attached.sent(), attached.notSent(), note);
    }

    private String failureMessage(GenerationRow row) {
        String code = row.errorCode();
        try {
            var kind = ProviderException.Kind.valueOf(code);
            if (kind.retryable()) {
                return messages.get("generation.failed.gave_up");
            }
            if (kind == ProviderException.Kind.ENGINE_REFUSED && row.errorField() != null) {
                return messages.get(kind.messageKey(), row.errorField());
            }
            if (kind == ProviderException.Kind.BAD_INPUT) {
                return row.errorField() == null
                        ? messages.get("provider.bad_input.unknown")
                        : messages.get(kind.messageKey(), row.errorField());
            }
            return messages.get(kind.messageKey());
        } catch (IllegalArgumentException notAProviderFailure) {
            if (FinalFailure.RESULT_REFUSED.equals(code) && row.errorField() != null) {
                // The field holds the media check's own message key: why the file was refused.
                return messages.get("generation.failed." + code, messages.get(row.errorField()));
            }
            return messages.get("generation.failed." + code);
        }
    }
}
