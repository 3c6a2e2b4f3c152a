package app.kadr.script;

import app.kadr.element.Element;
import app.kadr.element.ElementChange;
import app.kadr.element.ElementService;
import app.kadr.element.FeaturedElement;
import app.kadr.element.Handle;
import app.kadr.element.ShotCast;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.ShotChanges;
import app.kadr.storyboard.StoryboardService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a script into a proposal, and creates the shots of a confirmed one: all of them in order at the end of the
 * storyboard, with the elements they feature (new ones created first), or none when any is refused.
 */
@Service
public class ScriptService {

    static final int MAX_TEXT = 200_000;
    static final int MAX_SHOTS = 500;
    static final Duration LIFETIME = Duration.ofHours(24);

    private final Access access;
    private final Proposals proposals;
    private final ScriptReader reader;
    private final ElementService elements;
    private final ShotCast cast;
    private final StoryboardService storyboard;

    ScriptService(
            Access access,
            Proposals proposals,
            ScriptReader reader,
            ElementService elements,
            ShotCast cast,
            StoryboardService storyboard) {
        this.access = access;
        this.proposals = proposals;
        this.reader = reader;
        this.elements = elements;
        this.cast = cast;
        this.storyboard = storyboard;
    }

    /** A confirmed proposal: the shots as edited, and the new elements to create (none given: the proposal's). */
    public record Confirmed(
            @Nullable List<ProposedShot> shots, @Nullable List<ProposedElement> newElements) {}

    @Transactional
    public Proposal propose(UUID ownerId, UUID projectId, @Nullable String text, @Nullable String format) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        ScriptFormat parsed = ScriptFormat.parse(format);
        String script = text == null ? "" : text;
        if (script.isBlank()) {
            throw KadrException.invalid("text", "script.text.empty");
        }
        if (script.length() > MAX_TEXT) {
            throw KadrException.invalid("text", "script.text.long", MAX_TEXT);
        }
        List<Element> library = elements.list(ownerId, projectId);
        ScriptReader.Reading reading = reader.read(script, parsed, library);
        if (reading.cast().shots().isEmpty()) {
            throw KadrException.invalid("text", "script.no_shots");
        }
        if (reading.cast().shots().size() > MAX_SHOTS) {
            throw KadrException.invalid(
                    "text", "script.too_many_shots", reading.cast().shots().size(), MAX_SHOTS);
        }
        Instant now = Rows.now();
        proposals.deleteExpired(now);
        Proposal proposal = new Proposal(
                UUID.randomUUID(),
                projectId,
                parsed.apiName(),
                reading.byAgent(),
                reading.cast().shots(),
                reading.cast().newElements(),
                now.plus(LIFETIME));
        proposals.insert(proposal, now);
        return proposal;
    }

    @Transactional(readOnly = true)
    public Proposal get(UUID ownerId, UUID projectId, UUID proposalId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return proposals
                .find(projectId, proposalId, Rows.now())
                .orElseThrow(KadrException::notFound)
                .proposal();
    }

    /** Creates the confirmed shots after the storyboard's last one, in the order given. */
    @Transactional
    public List<Shot> apply(UUID ownerId, UUID projectId, UUID proposalId, Confirmed confirmed) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        Instant now = Rows.now();
        Proposals.Stored stored = proposals.find(projectId, proposalId, now).orElseThrow(KadrException::notFound);
        if (stored.appliedAt() != null || !proposals.markApplied(proposalId, now)) {
            throw KadrException.conflict("script.proposal.applied");
        }
        List<ProposedShot> shots = confirmed.shots() == null ? List.of() : confirmed.shots();
        if (shots.isEmpty()) {
            throw KadrException.invalid("shots", "script.apply.empty");
        }
        if (shots.size() > MAX_SHOTS) {
            throw KadrException.invalid("shots", "script.too_many_shots", shots.size(), MAX_SHOTS);
        }
        for (int i = 0; i < shots.size(); i++) {
            Long ms = shots.get(i) == null ? null : shots.get(i).durationMs();
            if (shots.get(i) == null) {
                throw KadrException.invalid("shots", "script.apply.empty_row", i + 1);
            }
            if (ms != null && !Durations.valid(ms)) {
                throw KadrException.invalid("shots", "script.apply.duration", i + 1);
            }
        }
        Map<String, UUID> handles = handles(ownerId, projectId, shots, confirmed, stored.proposal());
        List<Shot> created = new ArrayList<>();
        for (ProposedShot proposed : shots) {
            Shot shot = storyboard.add(
                    ownerId,
                    projectId,
                    proposed.title(),
                    CameraLine.join(text(proposed.description()), text(proposed.camera())),
                    null);
            if (proposed.durationMs() != null) {
                shot = storyboard.update(ownerId, shot.id(), ShotChanges.duration(proposed.durationMs()));
            }
            List<UUID> featured = names(proposed).stream().map(handles::get).toList();
            if (!featured.isEmpty()) {
                cast.set(ownerId, shot.id(), featured);
            }
            created.add(shot);
        }
        return created;
    }

    /** The storyboard as a shot list: CSV that opens in Excel and reads back into the same shots. */
    @Transactional(readOnly = true)
    public String shotList(UUID ownerId, UUID projectId) {
        Map<UUID, List<FeaturedElement>> featured = cast.ofProject(ownerId, projectId);
        List<ShotListCsv.Row> rows = new ArrayList<>();
        for (Shot shot : storyboard.storyboard(ownerId, projectId).items()) {
            String[] described = CameraLine.split(shot.description());
            rows.add(new ShotListCsv.Row(
                    shot.title(),
                    described[0],
                    shot.durationAuto() ? null : shot.durationMs(),
                    described[1],
                    featured.getOrDefault(shot.id(), List.of()).stream()
                            .map(FeaturedElement::handle)
                            .toList()));
        }
        return ShotListCsv.write(rows);
    }

    /**
     * Every handle the shots name, resolved to an element of the project: an existing one, else a new element the
     * confirmation (or, when it names none, the proposal) lists, created now; any other name is refused.
     */
    private Map<String, UUID> handles(
            UUID ownerId, UUID projectId, List<ProposedShot> shots, Confirmed confirmed, Proposal proposal) {
        Map<String, UUID> known = new HashMap<>();
        for (Element element : elements.list(ownerId, projectId)) {
            known.put(Handle.key(element.handle()), element.id());
        }
        Map<String, ProposedElement> offered = new HashMap<>();
        for (ProposedElement element :
                confirmed.newElements() == null ? proposal.newElements() : confirmed.newElements()) {
            if (element != null && element.handle() != null) {
                offered.putIfAbsent(Handle.key(bare(element.handle())), element);
            }
        }
        Map<String, UUID> resolved = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        shots.forEach(shot -> writtenNames(shot).forEach(name -> written.putIfAbsent(Handle.key(name), name)));
        Set<String> wanted = new LinkedHashSet<>();
        shots.forEach(shot -> wanted.addAll(names(shot)));
        for (String name : wanted) {
            UUID id = known.get(name);
            if (id == null) {
                ProposedElement element = offered.get(name);
                if (element == null) {
                    throw KadrException.invalid(
                            "shots", "script.apply.unknown_element", "@" + written.getOrDefault(name, name));
                }
                id = elements.create(
                                ownerId,
                                projectId,
                                new ElementChange(
                                        element.kind() == null ? "character" : element.kind(),
                                        bare(element.handle()),
                                        element.name(),
                                        "",
                                        List.of()))
                        .id();
                known.put(name, id);
            }
            resolved.put(name, id);
        }
        return resolved;
    }

    /** The handle keys a shot names, each once. */
    private static List<String> names(ProposedShot shot) {
        return writtenNames(shot).stream().map(Handle::key).distinct().toList();
    }

    /** The handles a shot names as they were written, without «@». */
    private static List<String> writtenNames(ProposedShot shot) {
        if (shot.elements() == null) {
            return List.of();
        }
        return shot.elements().stream()
                .filter(name -> name != null && !name.isBlank())
                .map(ScriptService::bare)
                .toList();
    }

    private static String bare(@Nullable String handle) {
        String value = handle == null ? "" : handle.strip();
        return value.startsWith("@") ? value.substring(1) : value;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
