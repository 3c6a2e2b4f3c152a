package app.kadr.sharing;

import app.kadr.storage.BlobOwners;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells the storage sweep which blobs a published version shows: a client keeps seeing what was sent even after
 * the owner trashes the take or rebuilds its derivatives, and the review renditions made for links (kept as long as
 * their row, which is never removed: a version, once sent, stays viewable in full quality).
 */
@Component
class ShareVersionBlobOwners implements BlobOwners {

    private final ShareVersions versions;
    private final Renditions renditions;
    private final Reviews reviews;

    ShareVersionBlobOwners(ShareVersions versions, Renditions renditions, Reviews reviews) {
        this.versions = versions;
        this.renditions = renditions;
        this.reviews = reviews;
    }

    /** The headliners' files and the candidates' files that some version shows. */
    @Override
    public Set<String> owned(Collection<String> candidateKeys) {
        if (candidateKeys.isEmpty()) {
            return Set.of();
        }
        Set<String> owned = new HashSet<>(versions.keysAmong(candidateKeys));
        owned.addAll(renditions.keysAmong(candidateKeys));
        owned.addAll(reviews.keysAmong(candidateKeys));
        return owned;
    }
}
