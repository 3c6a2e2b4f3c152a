package app.kadr.sharing;

import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.storyboard.ShotStatus;
import app.kadr.storyboard.StoryboardService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's answers through a link to a published version: «Утверждено» or «Нужны правки» on a shot, and a
 * favourite among the candidates the version offers. A live link has no version to answer on.
 */
@Service
class Answering {

    private final Reviews reviews;
    private final ShareVersions versions;
    private final StoryboardService storyboard;
    private final DomainEvents events;
    private final ClientThrottle throttle;

    Answering(
            Reviews reviews,
            ShareVersions versions,
            StoryboardService storyboard,
            DomainEvents events,
            ClientThrottle throttle) {
        this.throttle = throttle;
        this.events = events;
        this.reviews = reviews;
        this.versions = versions;
        this.storyboard = storyboard;
    }

    /**
     * Stores the client's approval of a shot, replacing their earlier one, and moves the shot's status as the link
     * says (see {@link Reviews#statusFollows}). The storyboard owns the status: it is changed through its service.
     */
    @Transactional
    public ClientView.Approval approve(
            OpenLink link, String shotRef, @Nullable String decision, @Nullable String comment, String address) {
        UUID versionId = answerable(link);
        UUID shotId = shotOf(versionId, shotRef);
        if (!ShotReview.APPROVED.equals(decision) && !ShotReview.CHANGES.equals(decision)) {
            throw KadrException.invalid("decision", "review.decision.invalid");
        }
        String text = optional(comment, "comment", "review.comment.long");
        if (ShotReview.CHANGES.equals(decision) && text == null) {
            throw KadrException.invalid("comment", "review.comment.required");
        }
        throttle.take(ClientThrottle.ANSWERS, link.id(), address);
        reviews.approve(versionId, shotId, link.id(), decision, text);
        String status = reviews.statusFollows(link.id()).get(decision);
        if (status != null) {
            storyboard.followClient(link.projectId(), shotId, ShotStatus.parse(status));
        }
        // The owner's open storyboard, box and inbox show the answer (and the status it moved) at once.
        events.publish(new ClientAnswered(link.projectId(), shotId));
        return new ClientView.Approval(decision, text);
    }

    /** Stores the client's favourite among a shot's candidates, by the candidate's opaque ref. */
    @Transactional
    public ClientView.Pick pick(
            OpenLink link, String shotRef, @Nullable String candidateRef, @Nullable String reason, String address) {
        UUID versionId = answerable(link);
        UUID shotId = shotOf(versionId, shotRef);
        List<ClientStoryboard.Files> offered =
                reviews.versionCandidates(versionId).getOrDefault(shotId, List.of());
        int position = 0;
        for (int i = 1; i <= offered.size() && candidateRef != null; i++) {
            if (Secrets.same(candidateRef(link, versionId, shotId, i), candidateRef)) {
                position = i;
            }
        }
        if (position == 0) {
            throw KadrException.invalid("candidateRef", "review.candidate.unknown");
        }
        String why = optional(reason, "reason", "review.reason.long");
        throttle.take(ClientThrottle.ANSWERS, link.id(), address);
        reviews.pick(versionId, shotId, link.id(), position, why);
        events.publish(new ClientAnswered(link.projectId(), shotId));
        return new ClientView.Pick(candidateRef(link, versionId, shotId, position), why);
    }

    /** What the client sees of their answers on each shot of the version a link shows; nothing on a live link. */
    @Transactional(readOnly = true)
    public Map<UUID, ClientView.Review> of(OpenLink link) {
        Map<UUID, ClientView.Review> byShot = new HashMap<>();
        UUID versionId = link.versionId();
        if (versionId == null) {
            return byShot;
        }
        Map<UUID, Reviews.Approval> approvals = reviews.approvals(versionId);
        Map<UUID, Reviews.Pick> picks = reviews.picks(versionId);
        Map<UUID, List<ClientStoryboard.Files>> offered = reviews.versionCandidates(versionId);
        for (ClientStoryboard.Row row : versions.shots(versionId)) {
            UUID shotId = row.shotId();
            List<ClientStoryboard.Files> files = offered.getOrDefault(shotId, List.of());
            List<ClientView.Candidate> candidates = new java.util.ArrayList<>();
            for (int i = 1; i <= files.size(); i++) {
                candidates.add(new ClientView.Candidate(
                        candidateRef(link, versionId, shotId, i),
                        ShotReview.letter(i),
                        ClientService.media(link, files.get(i - 1))));
            }
            Reviews.Approval approval = approvals.get(shotId);
            Reviews.Pick pick = picks.get(shotId);
            byShot.put(
                    shotId,
                    new ClientView.Review(
                            link.allowComments(),
                            approval == null ? null : new ClientView.Approval(approval.decision(), approval.comment()),
                            candidates,
                            pick == null
                                    ? null
                                    : new ClientView.Pick(
                                            candidateRef(link, versionId, shotId, pick.position()), pick.reason())));
        }
        return byShot;
    }

    /** A candidate's name for the client: a signature of its place, meaningless outside this link. */
    private static String candidateRef(OpenLink link, UUID versionId, UUID shotId, int position) {
        return Secrets.sign(link.secret(), 12, "candidate", versionId.toString(), shotId.toString(), "" + position);
    }

    /** The version a link shows, if the client may answer on it. */
    private static UUID answerable(OpenLink link) {
        if (link.versionId() == null) {
            throw KadrException.conflict("review.live");
        }
        if (!link.allowComments()) {
            throw KadrException.of(Problem.FORBIDDEN, "review.disabled");
        }
        return link.versionId();
    }

    /** The shot behind a client's ref: one of the version's shots, else not found. */
    private UUID shotOf(UUID versionId, String shotRef) {
        UUID shotId;
        try {
            shotId = UUID.fromString(shotRef);
        } catch (IllegalArgumentException e) {
            throw KadrException.notFound();
        }
        if (versions.shots(versionId).stream().noneMatch(row -> row.shotId().equals(shotId))) {
            throw KadrException.notFound();
        }
        return shotId;
    }

    private static @Nullable String optional(@Nullable String value, String field, String longKey) {
        String text = ClientService.stripped(value);
        if (text.length() > ClientService.MAX_TEXT) {
            throw KadrException.invalid(field, longKey, ClientService.MAX_TEXT);
        }
        return text.isEmpty() ? null : text;
    }
}
