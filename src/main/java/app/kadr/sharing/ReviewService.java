package app.kadr.sharing;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Problem;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.ShotChanges;
import app.kadr.storyboard.ShotStatus;
import app.kadr.storyboard.StoryboardService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of the client's answers: the candidates offered on a shot, the answers per version (an old
 * version keeps its own), the favourite made the headliner on the owner's click (never by itself), and what a
 * link's answers do to the shots' status.
 */
@Service
public class ReviewService {

    static final int MIN_CANDIDATES = 2;
    static final int MAX_CANDIDATES = 4;

    private final Reviews reviews;
    private final ShareVersions versions;
    private final StoryboardService storyboard;
    private final AssetService assets;
    private final Access access;

    ReviewService(
            Reviews reviews, ShareVersions versions, StoryboardService storyboard, AssetService assets, Access access) {
        this.reviews = reviews;
        this.versions = versions;
        this.storyboard = storyboard;
        this.assets = assets;
        this.access = access;
    }

    /** The takes offered on a shot now, in order. */
    @Transactional(readOnly = true)
    public List<UUID> candidates(UUID ownerId, UUID shotId) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        return reviews.candidates(shotId);
    }

    /**
     * Offers 2–4 takes of the shot to the client from the next publish on, or none (an empty list) to stop. Each
     * must be a ready picture or video of this shot.
     */
    @Transactional
    public List<UUID> setCandidates(UUID ownerId, UUID shotId, @Nullable List<UUID> assetIds) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        List<UUID> chosen = assetIds == null ? List.of() : assetIds;
        if (!chosen.isEmpty() && (chosen.size() < MIN_CANDIDATES || chosen.size() > MAX_CANDIDATES)) {
            throw KadrException.invalid("assetIds", "review.candidates.count", MIN_CANDIDATES, MAX_CANDIDATES);
        }
        if (chosen.stream().anyMatch(Objects::isNull) || new HashSet<>(chosen).size() != chosen.size()) {
            throw KadrException.invalid("assetIds", "review.candidates.twice");
        }
        for (UUID assetId : chosen) {
            if (!isOfferable(ownerId, shotId, assetId)) {
                throw KadrException.invalid("assetIds", "review.candidates.foreign");
            }
        }
        reviews.setCandidates(shotId, chosen);
        return chosen;
    }

    /**
     * Adds a take to the shot's candidates or takes it off, as the box's menu does one take at a time. A single
     * candidate is a choice in the making: the publish offers a shot's candidates only from two on.
     */
    @Transactional
    public List<UUID> toggleCandidate(UUID ownerId, UUID shotId, @Nullable UUID assetId) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        if (assetId == null) {
            throw KadrException.invalid("assetId", "review.candidates.foreign");
        }
        List<UUID> chosen = new ArrayList<>(reviews.candidates(shotId));
        if (!chosen.remove(assetId)) {
            if (chosen.size() >= MAX_CANDIDATES) {
                throw KadrException.invalid("assetId", "review.candidates.count", MIN_CANDIDATES, MAX_CANDIDATES);
            }
            if (!isOfferable(ownerId, shotId, assetId)) {
                throw KadrException.invalid("assetId", "review.candidates.foreign");
            }
            chosen.add(assetId);
        }
        reviews.setCandidates(shotId, chosen);
        return chosen;
    }

    private boolean isOfferable(UUID ownerId, UUID shotId, UUID assetId) {
        try {
            Asset asset = assets.get(ownerId, assetId);
            return asset.shotId().equals(shotId) && asset.isReady() && !asset.isAudio() && !"mask".equals(asset.kind());
        } catch (KadrException notFound) {
            if (notFound.problem() != Problem.NOT_FOUND) {
                throw notFound;
            }
            return false;
        }
    }

    /** The client's answers on one shot in every version that asked, newest version first. */
    @Transactional(readOnly = true)
    public List<ShotReview> ofShot(UUID ownerId, UUID shotId) {
        UUID projectId = access.require(ownerId, OwnedKind.SHOT, shotId).project();
        var asked = reviews.versionsAnswering(shotId);
        List<ShotReview> answers = new ArrayList<>();
        for (ShareVersions.Version version : versions.ofProject(projectId)) {
            if (asked.contains(version.id())) {
                answers.add(review(version, shotId));
            }
        }
        return answers;
    }

    private ShotReview review(ShareVersions.Version version, UUID shotId) {
        Reviews.Approval approval = reviews.approvals(version.id()).get(shotId);
        Reviews.Pick pick = reviews.picks(version.id()).get(shotId);
        List<UUID> candidates = reviews.versionCandidates(version.id()).getOrDefault(shotId, List.of()).stream()
                .map(ClientStoryboard.Files::assetId)
                .toList();
        return new ShotReview(
                version.number(),
                approval == null ? null : approval.decision(),
                approval == null ? null : approval.comment(),
                approval == null ? null : approval.decidedAt(),
                candidates,
                pick == null ? null : pick.position(),
                pick == null ? null : pick.reason());
    }

    /** The answers on a whole version of the project, counted, with the favourites picked. */
    @Transactional(readOnly = true)
    public VersionAnswers ofVersion(UUID ownerId, UUID projectId, @Nullable Integer number) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        ShareVersions.Version version = (number == null
                        ? java.util.Optional.<ShareVersions.Version>empty()
                        : versions.byNumber(projectId, number))
                .orElseThrow(() -> KadrException.invalid("version", "share.version.unknown"));
        return answers(version, headliners(ownerId, projectId));
    }

    /**
     * The answers on every published version of the project, newest first: what the client said on each version
     * the owner sent, not only on the one a link shows now.
     */
    @Transactional(readOnly = true)
    public List<VersionAnswers> ofAllVersions(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        Map<UUID, @Nullable UUID> headliners = headliners(ownerId, projectId);
        return versions.ofProject(projectId).stream()
                .map(version -> answers(version, headliners))
                .toList();
    }

    /** Each live shot's headliner now, to tell whether a favourite already is it. */
    private Map<UUID, @Nullable UUID> headliners(UUID ownerId, UUID projectId) {
        return storyboard.storyboard(ownerId, projectId).items().stream()
                .collect(
                        java.util.HashMap::new,
                        (map, shot) -> map.put(
                                shot.id(),
                                shot.headliner() == null
                                        ? null
                                        : shot.headliner().id()),
                        Map::putAll);
    }

    private VersionAnswers answers(ShareVersions.Version version, Map<UUID, @Nullable UUID> headliners) {
        List<ClientStoryboard.Row> shots = versions.shots(version.id());
        Map<UUID, Reviews.Approval> approvals = reviews.approvals(version.id());
        int approved = (int) approvals.values().stream()
                .filter(a -> ShotReview.APPROVED.equals(a.decision()))
                .count();
        int changes = approvals.size() - approved;
        Map<UUID, Reviews.Pick> picks = reviews.picks(version.id());
        Map<UUID, List<ClientStoryboard.Files>> offered = reviews.versionCandidates(version.id());
        List<VersionAnswers.Picked> picked = new ArrayList<>();
        for (ClientStoryboard.Row shot : shots) {
            Reviews.Pick pick = picks.get(shot.shotId());
            List<ClientStoryboard.Files> files = offered.getOrDefault(shot.shotId(), List.of());
            if (pick != null && pick.position() <= files.size()) {
                UUID assetId = files.get(pick.position() - 1).assetId();
                picked.add(new VersionAnswers.Picked(
                        shot.shotId(),
                        shot.number(),
                        shot.title(),
                        ShotReview.letter(pick.position()),
                        pick.reason(),
                        assetId,
                        assetId.equals(headliners.get(shot.shotId()))));
            }
        }
        return new VersionAnswers(
                version.number(),
                version.publishedAt(),
                approved,
                changes,
                Math.max(0, shots.size() - approvals.size()),
                picked);
    }

    /** Makes the client's favourite in a version the shot's headliner: the owner's one click. */
    @Transactional
    public Shot makeHeadliner(UUID ownerId, UUID shotId, @Nullable Integer number) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        if (number == null) {
            throw KadrException.invalid("version", "share.version.unknown");
        }
        ShareVersions.Version version = versions.byNumber(shot.project(), number)
                .orElseThrow(() -> KadrException.invalid("version", "share.version.unknown"));
        UUID favourite = review(version, shotId).pickAssetId();
        if (favourite == null) {
            throw KadrException.invalid("version", "review.pick.none");
        }
        return storyboard.update(ownerId, shotId, ShotChanges.headliner(favourite));
    }

    /** The status a client's «approved» and «changes» give a shot through this link; null leaves it. */
    @Transactional
    public void setStatusFollows(UUID ownerId, UUID linkId, @Nullable String approved, @Nullable String changes) {
        access.require(ownerId, OwnedKind.SHARE_LINK, linkId);
        reviews.setStatusFollows(linkId, status(approved, "approved"), status(changes, "changes"));
    }

    private static @Nullable String status(@Nullable String value, String field) {
        if (value == null || value.isEmpty() || "keep".equals(value)) {
            return null;
        }
        try {
            return ShotStatus.parse(value).apiName();
        } catch (KadrException invalid) {
            throw KadrException.invalid(field, "review.follows.invalid");
        }
    }

    /** What a link's answers do to the shots' status: {@code approved} and {@code changes} to a status or null. */
    @Transactional(readOnly = true)
    public Map<String, @Nullable String> statusFollows(UUID ownerId, UUID linkId) {
        access.require(ownerId, OwnedKind.SHARE_LINK, linkId);
        return reviews.statusFollows(linkId);
    }
}
