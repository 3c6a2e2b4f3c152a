package app.kadr.asset;

import app.kadr.storage.BlobOwners;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the storage sweep which blobs are takes' files (originals and every derivative, trashed ones too) or the
 * bytes of a direct upload still waiting for its confirm.
 */
@Component
class AssetBlobOwners implements BlobOwners {

    private final JdbcClient jdbc;
    private final DirectUploadRows uploads;

    AssetBlobOwners(JdbcClient jdbc, DirectUploadRows uploads) {
        this.jdbc = jdbc;
        this.uploads = uploads;
    }

    @Override
    public Set<String> owned(Collection<String> candidateKeys) {
        if (candidateKeys.isEmpty()) {
            return Set.of();
        }
        Set<String> owned = new HashSet<>();
        for (String column : new String[] {"original_key", "thumb_key", "preview_key", "poster_key", "hover_key"}) {
            owned.addAll(jdbc.sql("select " + column + " from assets where " + column + " in (:keys)")
                    .param("keys", candidateKeys)
                    .query(String.class)
                    .list());
        }
        owned.addAll(uploads.keysAmong(candidateKeys));
        return owned;
    }
}
