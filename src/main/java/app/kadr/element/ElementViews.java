package app.kadr.element;

import app.kadr.asset.Asset;
import app.kadr.shared.Messages;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns a stored version into what its owner sees: the kind's label and the pictures of its references. */
@Component
class ElementViews {

    private final References references;
    private final Messages messages;
    private final Voices voices;
    private final ElementLoras loras;

    ElementViews(References references, Messages messages, Voices voices, ElementLoras loras) {
        this.loras = loras;
        this.references = references;
        this.voices = voices;
        this.messages = messages;
    }

    Element of(UUID ownerId, ElementRow row) {
        return of(ownerId, row, 0);
    }

    /** With how many generations were made with its older versions, where the caller counted them. */
    Element of(UUID ownerId, ElementRow row, int staleGenerations) {
        List<Element.Reference> shown = row.referenceAssetIds().stream()
                .map(id -> references.shown(ownerId, id))
                .flatMap(Optional::stream)
                .map(ElementViews::reference)
                .toList();
        return new Element(
                row.id(),
                row.projectId(),
                row.kind().apiName(),
                messages.get(row.kind().labelKey()),
                row.handle(),
                row.name(),
                row.description(),
                row.version(),
                row.referenceAssetIds(),
                shown,
                staleGenerations,
                row.createdAt(),
                row.updatedAt(),
                row.voiceNote(),
                row.voiceAssetId(),
                voices.shown(ownerId, row.voiceAssetId())
                        .map(sample -> sample.urls().get("original"))
                        .orElse(null),
                row.loraId(),
                row.loraWeight(),
                loras.nameOf(row.loraId()));
    }

    private static Element.Reference reference(Asset asset) {
        String original = asset.urls().get("original");
        return new Element.Reference(
                asset.id(), asset.urls().getOrDefault("thumb", original), original, asset.thumbhash());
    }
}
