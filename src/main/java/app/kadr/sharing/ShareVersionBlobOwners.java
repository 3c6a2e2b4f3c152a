package app.kadr.sharing;

import app.kadr.storage.BlobOwners;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells the storage sweep which blobs a published version shows: a client keeps seeing what was sent even after
 * the owner trashes the take or rebuilds its derivatives.
 */
@Component
class ShareVersionBlobOwners implements BlobOwners {

    private final ShareVersions versions;

    ShareVersionBlobOwners(ShareVersions versions) {
        this.versions = versions;
    }

    @Override
    public Set<String> owned(Collection<String> candidateKeys) {
        return candidateKeys.isEmpty() ? Set.of() : versions.keysAmong(candidateKeys);
    }
}
