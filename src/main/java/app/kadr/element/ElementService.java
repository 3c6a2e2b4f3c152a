package app.kadr.element;

import app.kadr.project.ProjectName;
import app.kadr.project.ProjectService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The element library of a project. Every edit that changes something writes a new version and keeps the old one;
 * an edit that changes nothing writes nothing. Deleting moves the element to the trash, whole.
 */
@Service
public class ElementService {

    /** How many reference images an element may have. */
    public static final int MAX_REFERENCES = References.MAX;

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;

    private final Elements elements;
    private final References references;
    private final Access access;
    private final ProjectService projects;
    private final ElementViews views;
    private final ElementUses uses;
    private final Voices voices;
    private final ElementLoras loras;

    ElementService(
            Elements elements,
            References references,
            Access access,
            ProjectService projects,
            ElementViews views,
            ElementUses uses,
            Voices voices,
            ElementLoras loras) {
        this.voices = voices;
        this.loras = loras;
        this.elements = elements;
        this.references = references;
        this.access = access;
        this.projects = projects;
        this.views = views;
        this.uses = uses;
    }

    /**
     * A prompt of this project with its @mentions expanded into the current versions of the elements they name, plus
     * the elements attached by id; an attached element of another project is refused as {@code elementIds}.
     */
    @Transactional(readOnly = true)
    public Mentions expand(UUID ownerId, UUID projectId, String prompt, @Nullable List<UUID> elementIds) {
        List<UUID> ids = elementIds == null ? List.of() : elementIds;
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw KadrException.invalid("elementIds", "element.attached.other_project");
        }
        List<ElementRow> library = elements.live(projectId);
        List<ElementRow> attached = new java.util.ArrayList<>();
        for (UUID id : ids) {
            Owned element = access.require(ownerId, OwnedKind.ELEMENT, id);
            if (!projectId.equals(element.projectId())) {
                throw KadrException.invalid("elementIds", "element.attached.other_project");
            }
            attached.add(elements.current(id).orElseThrow(KadrException::notFound));
        }
        if (attached.isEmpty() && !Handle.MENTION.matcher(prompt).find()) {
            return Mentions.none(prompt);
        }
        return MentionExpansion.expand(prompt, library, attached);
    }

    /** Remembers which element versions a new generation used; for a generation that used none, nothing. */
    @Transactional
    public void recordUse(UUID generationId, Mentions mentions) {
        if (mentions.any()) {
            uses.record(generationId, mentions);
        }
    }

    /**
     * The project's generations made with an older version of one of its live elements than the current one: what
     * «Устарело» marks, by generation id.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<StaleUse>> stale(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return uses.stale(projectId);
    }

    /** The prompt of a generation as its author wrote it, with its @mentions, if it had any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> writtenPrompt(UUID generationId) {
        return uses.written(generationId);
    }

    /** The element versions a generation was made with. */
    @Transactional(readOnly = true)
    public List<ElementUse> usedBy(UUID generationId) {
        return uses.of(generationId);
    }

    /**
     * The elements a generation was made with that its prompt did not name (attached by id) and its project still has,
     * to attach again to a take made from it, in their current versions. The ones its prompt names come back through
     * the prompt, as written — or not, when an edit took them out of it.
     */
    @Transactional(readOnly = true)
    public List<UUID> attachedWithoutMention(UUID projectId, UUID generationId) {
        List<ElementRow> library = elements.live(projectId);
        java.util.Set<UUID> live = new java.util.HashSet<>();
        library.forEach(row -> live.add(row.id()));
        java.util.Set<UUID> named = new java.util.HashSet<>();
        uses.written(generationId)
                .ifPresent(written -> MentionExpansion.expand(written, library, List.of())
                        .used()
                        .forEach(use -> named.add(use.id())));
        return uses.of(generationId).stream()
                .map(ElementUse::id)
                .filter(id -> live.contains(id) && !named.contains(id))
                .toList();
    }

    /** The element versions each generation of a project was made with, by generation (those with none left out). */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<ElementUse>> usedInProject(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return uses.ofProject(projectId);
    }

    /**
     * Generations whose takes are references of the element (by generation, its take) count as made with its current
     * version: such a take is part of what the element is now, so a portrait that joined the character's references is
     * never «Устарело» because joining made a new version. A take no longer among the references is left as it was.
     */
    @Transactional
    public void adoptReferenceTakes(UUID elementId, java.util.Map<UUID, UUID> takesByGeneration) {
        elements.current(elementId)
                .ifPresent(current -> takesByGeneration.forEach((generationId, assetId) -> {
                    if (current.referenceAssetIds().contains(assetId)) {
                        uses.moveTo(generationId, elementId, current.version());
                    }
                }));
    }

    /** What became of a take offered as a reference by work acting for the owner (a portrait that finished). */
    public enum ReferenceAdded {
        /** It is a reference now, in a new version of the element. */
        ADDED,
        /** It already was one: nothing changed. */
        ALREADY,
        /** The element has as many references as it may. */
        FULL,
        /** The element or the take is gone (trashed, or not an image of the owner). */
        GONE
    }

    /**
     * Adds one of the owner's image takes to the element's references, as a new version, the way a person adding it by
     * hand does. Answers instead of refusing, since it runs on nobody's request and within its caller's transaction.
     */
    @Transactional
    public ReferenceAdded addReference(UUID ownerId, UUID elementId, UUID assetId) {
        if (access.ownerOf(OwnedKind.ELEMENT, elementId).filter(ownerId::equals).isEmpty()
                || references
                        .shown(ownerId, assetId)
                        .filter(a -> "image".equals(a.kind()))
                        .isEmpty()) {
            return ReferenceAdded.GONE;
        }
        elements.lock(elementId);
        ElementRow current = elements.current(elementId).orElseThrow(KadrException::notFound);
        if (current.referenceAssetIds().contains(assetId)) {
            return ReferenceAdded.ALREADY;
        }
        if (current.referenceAssetIds().size() >= References.MAX) {
            return ReferenceAdded.FULL;
        }
        List<UUID> more = new java.util.ArrayList<>(current.referenceAssetIds());
        more.add(assetId);
        Instant now = Rows.now();
        elements.insertVersion(
                new ElementRow(
                        elementId,
                        current.projectId(),
                        current.version() + 1,
                        current.kind(),
                        current.handle(),
                        current.name(),
                        current.description(),
                        List.copyOf(more),
                        current.createdAt(),
                        now,
                        current.voiceNote(),
                        current.voiceAssetId(),
                        current.loraId(),
                        current.loraWeight()),
                now);
        return ReferenceAdded.ADDED;
    }

    @Transactional
    public Element create(UUID ownerId, UUID projectId, ElementChange change) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        ElementKind kind = ElementKind.parse(change.kind());
        String handle = Handle.valid(change.handle());
        String name = validName(change.name(), handle);
        String description = validDescription(change.description());
        List<UUID> referenceIds = references.valid(ownerId, change.referenceAssetIds());
        String voiceNote = voices.note(change.voiceNote(), kind);
        UUID voiceAssetId = voices.sample(ownerId, projectId, change.voiceAssetId(), kind);
        ElementLoras.Chosen lora = loras.valid(change, null);
        requireFree(projectId, handle, null);
        UUID id = UUID.randomUUID();
        Instant now = Rows.now();
        try {
            elements.insert(id, projectId, Handle.key(handle), now);
        } catch (DuplicateKeyException namesake) {
            throw KadrException.invalid("handle", "element.handle.taken", "@" + handle);
        }
        elements.insertVersion(
                new ElementRow(
                        id,
                        projectId,
                        1,
                        kind,
                        handle,
                        name,
                        description,
                        referenceIds,
                        now,
                        now,
                        voiceNote,
                        voiceAssetId,
                        lora.loraId(),
                        lora.weight()),
                now);
        return views.of(ownerId, elements.current(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<Element> list(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        java.util.Map<UUID, Integer> stale = uses.staleCounts(projectId);
        return elements.live(projectId).stream()
                .map(row -> views.of(ownerId, row, stale.getOrDefault(row.id(), 0)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Element get(UUID ownerId, UUID elementId) {
        access.require(ownerId, OwnedKind.ELEMENT, elementId);
        return views.of(ownerId, elements.current(elementId).orElseThrow(KadrException::notFound));
    }

    /** Every version of an element, newest first: the current one and all it replaced. */
    @Transactional(readOnly = true)
    public List<Element> versions(UUID ownerId, UUID elementId) {
        access.require(ownerId, OwnedKind.ELEMENT, elementId);
        return elements.versions(elementId).stream()
                .map(row -> views.of(ownerId, row))
                .toList();
    }

    @Transactional
    public Element update(UUID ownerId, UUID elementId, ElementChange change) {
        Owned owned = access.require(ownerId, OwnedKind.ELEMENT, elementId);
        ElementRow current = elements.current(elementId).orElseThrow(KadrException::notFound);
        ElementKind kind = change.kind() == null ? current.kind() : ElementKind.parse(change.kind());
        String handle = change.handle() == null ? current.handle() : Handle.valid(change.handle());
        String name = change.name() == null ? current.name() : validName(change.name(), handle);
        String description =
                change.description() == null ? current.description() : validDescription(change.description());
        List<UUID> referenceIds = change.referenceAssetIds() == null
                ? current.referenceAssetIds()
                : references.valid(ownerId, change.referenceAssetIds());
        // A voice is a character's: one that becomes a location or a prop leaves its voice behind.
        boolean character = kind == ElementKind.CHARACTER;
        String voiceNote = change.voiceNote() != null
                ? voices.note(change.voiceNote(), kind)
                : character ? current.voiceNote() : null;
        UUID voiceAssetId = change.voiceAssetId() != null
                ? voices.sample(ownerId, owned.project(), change.voiceAssetId(), kind)
                : character ? current.voiceAssetId() : null;
        ElementLoras.Chosen lora = loras.valid(change, current);
        if (current.sameAs(kind, handle, name, description, referenceIds, voiceNote, voiceAssetId, lora)) {
            return views.of(ownerId, current);
        }
        requireFree(owned.project(), handle, elementId);
        Instant now = Rows.now();
        try {
            elements.insertVersion(
                    new ElementRow(
                            elementId,
                            owned.project(),
                            current.version() + 1,
                            kind,
                            handle,
                            name,
                            description,
                            referenceIds,
                            current.createdAt(),
                            now,
                            voiceNote,
                            voiceAssetId,
                            lora.loraId(),
                            lora.weight()),
                    now);
        } catch (DuplicateKeyException namesake) {
            throw KadrException.invalid("handle", "element.handle.taken", "@" + handle);
        }
        return views.of(ownerId, elements.current(elementId).orElseThrow());
    }

    @Transactional
    public void moveToTrash(UUID ownerId, UUID elementId) {
        access.require(ownerId, OwnedKind.ELEMENT, elementId);
        elements.setDeleted(elementId, Rows.now());
    }

    @Transactional
    public Element restore(UUID ownerId, UUID elementId) {
        access.requireTrashed(ownerId, OwnedKind.ELEMENT, elementId);
        elements.setDeleted(elementId, null);
        return get(ownerId, elementId);
    }

    /** The owner's trashed elements in their live projects. */
    @Transactional(readOnly = true)
    public List<Element> trashed(UUID ownerId) {
        List<UUID> live = projects.names(ownerId).stream().map(ProjectName::id).toList();
        return elements.trashed(live).stream()
                .map(row -> views.of(ownerId, row))
                .toList();
    }

    private void requireFree(UUID projectId, String handle, @Nullable UUID self) {
        if (elements.handleTaken(projectId, Handle.key(handle), self)) {
            throw KadrException.invalid("handle", "element.handle.taken", "@" + handle);
        }
    }

    private static String validName(@Nullable String name, String handle) {
        String value = name == null ? "" : name.strip();
        if (value.length() > MAX_NAME) {
            throw KadrException.invalid("name", "element.name.long", MAX_NAME);
        }
        return value.isEmpty() ? handle : value;
    }

    private static String validDescription(@Nullable String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > MAX_DESCRIPTION) {
            throw KadrException.invalid("description", "element.description.long", MAX_DESCRIPTION);
        }
        return value;
    }
}
