package app.kadr.element;

import app.kadr.asset.Asset;
import app.kadr.asset.GenerationTakes;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elements each shot features: the ones its author set (in the box, or the script it came from) and the ones
 * the prompts of its takes mentioned. The storyboard filters by them and an element's page lists its shots and takes.
 */
@Service
public class ShotCast {

    /** More than a shot could sensibly feature; keeps a form from writing thousands of rows. */
    static final int MAX_PER_SHOT = 50;

    private final Access access;
    private final Elements elements;
    private final ShotElements links;
    private final StoryboardService storyboard;
    private final GenerationTakes takes;
    private final ElementViews views;
    private final Messages messages;

    ShotCast(
            Access access,
            Elements elements,
            ShotElements links,
            StoryboardService storyboard,
            GenerationTakes takes,
            ElementViews views,
            Messages messages) {
        this.access = access;
        this.elements = elements;
        this.links = links;
        this.storyboard = storyboard;
        this.takes = takes;
        this.views = views;
        this.messages = messages;
    }

    /** What one shot features, hand-set ones first. */
    @Transactional(readOnly = true)
    public List<FeaturedElement> of(UUID ownerId, UUID shotId) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        return ofProject(ownerId, shot.project()).getOrDefault(shotId, List.of());
    }

    /** Every live shot of the project that features something, with what it features. */
    @Transactional(readOnly = true)
    public Map<UUID, List<FeaturedElement>> ofProject(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        Map<UUID, ElementRow> library =
                elements.live(projectId).stream().collect(Collectors.toMap(ElementRow::id, Function.identity()));
        Map<UUID, Set<UUID>> mentioned = mentionedByShot(ownerId, projectId);
        Map<UUID, List<UUID>> byHand = links.byHand(projectId);
        Map<UUID, List<FeaturedElement>> cast = new LinkedHashMap<>();
        for (Shot shot : storyboard.storyboard(ownerId, projectId).items()) {
            Set<UUID> hand = new LinkedHashSet<>(byHand.getOrDefault(shot.id(), List.of()));
            Set<UUID> found = mentioned.getOrDefault(shot.id(), Set.of());
            Set<UUID> all = new LinkedHashSet<>(hand);
            all.addAll(found);
            List<FeaturedElement> featured = all.stream()
                    .map(library::get)
                    .filter(Objects::nonNull)
                    .map(row -> featured(row, hand.contains(row.id()), found.contains(row.id())))
                    .toList();
            if (!featured.isEmpty()) {
                cast.put(shot.id(), featured);
            }
        }
        return cast;
    }

    /**
     * Sets the elements a shot features by hand, replacing the ones set before (mentions stay: they come from the
     * prompts). An element of another project, or one in the trash, is refused.
     */
    @Transactional
    public void set(UUID ownerId, UUID shotId, @Nullable List<UUID> elementIds) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        if (elementIds != null && elementIds.contains(null)) {
            // An empty string in the list arrives as null: a blank id, not a request to clear the cast.
            throw KadrException.invalid("elementIds", "cast.blank_id");
        }
        List<UUID> ids = elementIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(elementIds));
        if (ids.size() > MAX_PER_SHOT) {
            throw KadrException.invalid("elementIds", "cast.too_many", MAX_PER_SHOT);
        }
        Set<UUID> live = new HashSet<>();
        elements.live(shot.project()).forEach(row -> live.add(row.id()));
        if (!live.containsAll(ids)) {
            throw KadrException.invalid("elementIds", "element.attached.other_project");
        }
        links.replace(shotId, ids);
    }

    /** The shots that feature an element, in storyboard order, and the takes its generations made, newest first. */
    @Transactional(readOnly = true)
    public ElementUsage usage(UUID ownerId, UUID elementId) {
        Owned owned = access.require(ownerId, OwnedKind.ELEMENT, elementId);
        ElementRow row = elements.current(elementId).orElseThrow(KadrException::notFound);
        Map<UUID, List<FeaturedElement>> cast = ofProject(ownerId, owned.project());
        List<Shot> shots = storyboard.storyboard(ownerId, owned.project()).items().stream()
                .filter(shot -> cast.getOrDefault(shot.id(), List.of()).stream()
                        .anyMatch(f -> f.elementId().equals(elementId)))
                .toList();
        List<UUID> generations = links.mentionedBy(owned.project()).entrySet().stream()
                .filter(e -> e.getValue().contains(elementId))
                .map(Map.Entry::getKey)
                .toList();
        List<Asset> made = takes.of(ownerId, generations).stream()
                .map(GenerationTakes.Take::asset)
                .toList();
        return new ElementUsage(views.of(ownerId, row), shots, made);
    }

    private Map<UUID, Set<UUID>> mentionedByShot(UUID ownerId, UUID projectId) {
        Map<UUID, List<UUID>> byGeneration = links.mentionedBy(projectId);
        Map<UUID, Set<UUID>> byShot = new LinkedHashMap<>();
        for (GenerationTakes.Take take : takes.of(ownerId, byGeneration.keySet())) {
            byShot.computeIfAbsent(take.asset().shotId(), k -> new LinkedHashSet<>())
                    .addAll(byGeneration.getOrDefault(take.generationId(), List.of()));
        }
        return byShot;
    }

    private FeaturedElement featured(ElementRow row, boolean byHand, boolean mentioned) {
        return new FeaturedElement(
                row.id(),
                row.handle(),
                row.name(),
                row.kind().apiName(),
                messages.get(row.kind().labelKey()),
                byHand,
                mentioned);
    }

    /** For a caller that lists what it set: the live elements of a project as hand-set choices, unused ones too. */
    @Transactional(readOnly = true)
    public List<FeaturedElement> library(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        List<FeaturedElement> all = new ArrayList<>();
        for (ElementRow row : elements.live(projectId)) {
            all.add(featured(row, false, false));
        }
        return all;
    }
}
