package app.kadr.sharing;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import app.kadr.storyboard.Headliner;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Published versions: a snapshot of the storyboard taken through the storyboard's and the assets' own services (the
 * owner's view of them), and which version each link shows. The snapshot is read before the transaction that
 * stores it: a missing file answered by the assets' service must not mark that transaction for rollback. Publishing
 * asks for the review rendition of every headliner it shows, made in the background.
 */
@Service
public class Publishing {

    private final ShareVersions versions;
    private final ShareLinks links;
    private final StoryboardService storyboard;
    private final AssetService assets;
    private final Access access;
    private final TransactionTemplate transaction;
    private final RenditionJobs renditions;
    private final Reviews reviews;

    Publishing(
            ShareVersions versions,
            ShareLinks links,
            StoryboardService storyboard,
            AssetService assets,
            Access access,
            TransactionTemplate transaction,
            RenditionJobs renditions,
            Reviews reviews) {
        this.versions = versions;
        this.links = links;
        this.storyboard = storyboard;
        this.assets = assets;
        this.access = access;
        this.transaction = transaction;
        this.renditions = renditions;
        this.reviews = reviews;
    }

    /** «Опубликовать версию»: freezes the storyboard as it is now as the project's next version and shows it. */
    public PublishedVersion publish(UUID ownerId, UUID linkId) {
        UUID projectId = access.require(ownerId, OwnedKind.SHARE_LINK, linkId).project();
        List<ClientStoryboard.Row> now = snapshot(ownerId, projectId);
        Map<UUID, List<ClientStoryboard.Files>> offered = offered(ownerId, now);
        return store(() -> {
            ShareVersions.Version version = versions.insert(projectId, now);
            reviews.insertVersionCandidates(version.id(), offered);
            links.show(linkId, version.id());
            renditions.request(ownerId, now);
            return version.published();
        });
    }

    /**
     * Points a link at the live storyboard ({@code live}) or at a version ({@code version}: the given number, or
     * the latest when none is given).
     */
    @Transactional
    public void show(UUID ownerId, UUID linkId, @Nullable String mode, @Nullable Integer number) {
        UUID projectId = access.require(ownerId, OwnedKind.SHARE_LINK, linkId).project();
        if (ShareLink.LIVE.equals(mode)) {
            links.show(linkId, null);
        } else if (ShareLink.VERSION.equals(mode)) {
            Optional<ShareVersions.Version> version = number == null
                    ? versions.ofProject(projectId).stream().findFirst()
                    : versions.byNumber(projectId, number);
            links.show(
                    linkId,
                    version.orElseThrow(() -> KadrException.invalid("version", "share.version.unknown"))
                            .id());
        } else {
            throw KadrException.invalid("mode", "share.mode.invalid");
        }
    }

    @Transactional(readOnly = true)
    public List<PublishedVersion> list(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return versions.ofProject(projectId).stream()
                .map(ShareVersions.Version::published)
                .toList();
    }

    /**
     * The version a new link shows: the latest when the storyboard has not changed since, else a new one. A new
     * link thus never shows less than what is there now, and making several links does not multiply versions.
     */
    UUID current(UUID ownerId, UUID projectId) {
        List<ClientStoryboard.Row> now = snapshot(ownerId, projectId);
        Map<UUID, List<ClientStoryboard.Files>> offered = offered(ownerId, now);
        return store(() -> {
            renditions.request(ownerId, now);
            return versions.ofProject(projectId).stream()
                    .findFirst()
                    .filter(latest -> versions.shots(latest.id()).equals(now)
                            && reviews.versionCandidates(latest.id()).equals(offered))
                    .orElseGet(() -> {
                        ShareVersions.Version version = versions.insert(projectId, now);
                        reviews.insertVersionCandidates(version.id(), offered);
                        return version;
                    })
                    .id();
        });
    }

    /** Two publishes of one project at once both take the same next number; the second is asked to try again. */
    private <T> T store(java.util.function.Supplier<T> work) {
        try {
            return java.util.Objects.requireNonNull(transaction.execute(status -> work.get()));
        } catch (DataIntegrityViolationException sameNumber) {
            throw KadrException.conflict("share.version.busy");
        }
    }

    private List<ClientStoryboard.Row> snapshot(UUID ownerId, UUID projectId) {
        return storyboard.storyboard(ownerId, projectId).items().stream()
                .map(shot -> new ClientStoryboard.Row(
                        shot.id(),
                        shot.number(),
                        shot.title(),
                        shot.description(),
                        shot.durationMs(),
                        files(ownerId, shot)))
                .toList();
    }

    /** The derivative files of a shot's ready headliner; none while it is processing or if one is missing. */
    private ClientStoryboard.@Nullable Files files(UUID ownerId, Shot shot) {
        Headliner h = shot.headliner();
        if (h == null || !h.isReady()) {
            return null;
        }
        return files(ownerId, h.id(), h.kind(), h.width(), h.height(), h.durationMs(), h.urls());
    }

    /**
     * The candidates each shot offers the client now, with their files: only shots with at least two usable takes
     * (a take trashed or broken since it was offered drops out).
     */
    private Map<UUID, List<ClientStoryboard.Files>> offered(UUID ownerId, List<ClientStoryboard.Row> shots) {
        Map<UUID, List<ClientStoryboard.Files>> offered = new LinkedHashMap<>();
        Map<UUID, List<UUID>> candidates = reviews.candidatesOf(
                shots.stream().map(ClientStoryboard.Row::shotId).toList());
        for (ClientStoryboard.Row shot : shots) {
            List<ClientStoryboard.Files> usable = new ArrayList<>();
            for (UUID assetId : candidates.getOrDefault(shot.shotId(), List.of())) {
                ClientStoryboard.Files files = candidate(ownerId, assetId);
                if (files != null) {
                    usable.add(files);
                }
            }
            if (usable.size() >= ReviewService.MIN_CANDIDATES) {
                offered.put(shot.shotId(), usable);
            }
        }
        return offered;
    }

    private ClientStoryboard.@Nullable Files candidate(UUID ownerId, UUID assetId) {
        try {
            Asset a = assets.get(ownerId, assetId);
            return a.isReady()
                    ? files(ownerId, a.id(), a.kind(), a.width(), a.height(), a.durationMs(), a.urls())
                    : null;
        } catch (KadrException gone) {
            return null;
        }
    }

    private ClientStoryboard.@Nullable Files files(
            UUID ownerId,
            UUID assetId,
            String kind,
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable Long durationMs,
            Map<String, String> urls) {
        String thumb = key(ownerId, assetId, urls, "thumb");
        String preview = key(ownerId, assetId, urls, "preview");
        String hover = "video".equals(kind) ? key(ownerId, assetId, urls, "hover") : null;
        if (thumb == null || preview == null) {
            return null;
        }
        return new ClientStoryboard.Files(assetId, kind, width, height, durationMs, thumb, preview, hover);
    }

    private @Nullable String key(UUID ownerId, UUID assetId, Map<String, String> urls, String variant) {
        if (!urls.containsKey(variant)) {
            return null;
        }
        try {
            return assets.file(ownerId, assetId, variant).key();
        } catch (KadrException missing) {
            return null;
        }
    }
}
