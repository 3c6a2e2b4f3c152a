package app.kadr.portrait;

import app.kadr.asset.AssetService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.Task;
import app.kadr.element.Element;
import app.kadr.element.ElementService;
import app.kadr.element.ShotCast;
import app.kadr.generation.Generation;
import app.kadr.generation.GenerationService;
import app.kadr.generation.ModelPicker;
import app.kadr.generation.NewGeneration;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the three views of a character as ordinary generations, checked, priced and run by the generation module
 * as any other, and answers where the newest run stands. {@link PortraitTakes} brings each take into the references.
 */
@Service
public class PortraitService {

    private final ElementService elements;
    private final GenerationService generations;
    private final ShotCast cast;
    private final StoryboardService storyboard;
    private final Catalog catalog;
    private final AssetService assets;
    private final Access access;
    private final Messages messages;
    private final Portraits portraits;

    PortraitService(
            ElementService elements,
            GenerationService generations,
            ShotCast cast,
            StoryboardService storyboard,
            Catalog catalog,
            AssetService assets,
            Access access,
            Messages messages,
            Portraits portraits) {
        this.elements = elements;
        this.generations = generations;
        this.cast = cast;
        this.storyboard = storyboard;
        this.catalog = catalog;
        this.assets = assets;
        this.access = access;
        this.messages = messages;
        this.portraits = portraits;
    }

    /** Starts front, three-quarter and profile views of a character; all three or none. */
    @Transactional
    public PortraitRun start(UUID ownerId, UUID elementId, PortraitRequest request) {
        Element element = elements.get(ownerId, elementId);
        if (!"character".equals(element.kind())) {
            throw KadrException.invalid(
                    "kind", "portrait.not_character", element.kindLabel().toLowerCase(java.util.Locale.ROOT));
        }
        int views = PortraitAngle.values().length;
        if (element.referenceAssetIds().size() + views > ElementService.MAX_REFERENCES) {
            throw KadrException.invalid(
                    "referenceAssetIds", "portrait.references_full", ElementService.MAX_REFERENCES, views);
        }
        UUID shotId = shot(ownerId, element, request.shotId());
        UUID modelId = model(request.modelId());
        // The character is mentioned, not spelled out: its description, references and LoRA go the way every
        // generation's elements go, and the views are recorded as made with it.
        String mention = element.mention();
        UUID runId = UUID.randomUUID();
        Instant now = Rows.now();
        for (PortraitAngle angle : PortraitAngle.values()) {
            Generation started = generations
                    .generate(
                            ownerId,
                            shotId,
                            new NewGeneration(modelId, angle.prompt(mention), null, Map.of(), List.of(), 1))
                    .getFirst();
            portraits.insert(started.id(), elementId, ownerId, runId, angle, now);
        }
        return latest(ownerId, elementId);
    }

    /** The character's newest run, with no views when none was ever started. */
    @Transactional(readOnly = true)
    public PortraitRun latest(UUID ownerId, UUID elementId) {
        access.require(ownerId, OwnedKind.ELEMENT, elementId);
        List<PortraitRun.View> views = new ArrayList<>();
        UUID shotId = null;
        for (Portraits.Portrait portrait : portraits.latestRun(elementId)) {
            if (access.ownerOf(OwnedKind.GENERATION, portrait.generationId())
                    .filter(ownerId::equals)
                    .isEmpty()) {
                continue; // its shot went to the trash, and the generation with it
            }
            Generation generation = generations.get(ownerId, portrait.generationId());
            shotId = generation.shotId();
            views.add(view(ownerId, portrait, generation));
        }
        return new PortraitRun(elementId, shotId, views);
    }

    private PortraitRun.View view(UUID ownerId, Portraits.Portrait portrait, Generation generation) {
        UUID assetId = portrait.assetId() != null
                ? portrait.assetId()
                : generation.assetIds().isEmpty() ? null : generation.assetIds().getFirst();
        String thumb = assetId == null
                ? null
                : access.ownerOf(OwnedKind.ASSET, assetId)
                        .filter(ownerId::equals)
                        .map(owner -> assets.get(owner, assetId).urls())
                        .map(urls -> urls.getOrDefault("thumb", urls.get("original")))
                        .orElse(null);
        String outcome = portrait.outcome();
        String outcomeLabel = null;
        if (outcome != null) {
            outcomeLabel = generation.error() != null
                    ? generation.error().message()
                    : messages.get("portrait.outcome." + outcome, ElementService.MAX_REFERENCES);
        }
        return new PortraitRun.View(
                portrait.angle().code(),
                messages.get(portrait.angle().labelKey()),
                generation.id(),
                generation.status(),
                generation.statusLabel(),
                generation.progress(),
                outcome,
                outcomeLabel,
                assetId,
                thumb);
    }

    /** The shot asked for, of the character's project; else the first featuring it; else the storyboard's first. */
    private UUID shot(UUID ownerId, Element element, @Nullable UUID asked) {
        if (asked != null) {
            Owned shot = access.require(ownerId, OwnedKind.SHOT, asked);
            if (!element.projectId().equals(shot.projectId())) {
                throw KadrException.invalid("shotId", "portrait.shot.other_project");
            }
            return asked;
        }
        List<Shot> featuring = cast.usage(ownerId, element.id()).shots();
        if (!featuring.isEmpty()) {
            return featuring.getFirst().id();
        }
        return storyboard.storyboard(ownerId, element.projectId()).items().stream()
                .findFirst()
                .map(Shot::id)
                .orElseThrow(() -> KadrException.invalid("shotId", "portrait.shot.none"));
    }

    /** The model asked for, which must draw from words; else the one the generation bar offers first. */
    private UUID model(@Nullable UUID asked) {
        if (asked != null) {
            catalog.find(asked).filter(m -> m.task() != Task.TEXT_TO_IMAGE).ifPresent(m -> {
                throw KadrException.invalid("modelId", "portrait.model.task");
            });
            return asked;
        }
        return ModelPicker.of(catalog.models(Task.TEXT_TO_IMAGE, null, null, true))
                .chosenId()
                .orElseThrow(() -> KadrException.invalid("modelId", "portrait.model.none"));
    }
}
