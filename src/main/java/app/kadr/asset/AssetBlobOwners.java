package app.kadr.asset;

import app.kadr.storage.BlobOwners;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the storage sweep which blobs are takes' files: originals and every derivative, trashed ones too. */
@Component
class AssetBlobOwners implements BlobOwners {

    private final JdbcClient jdbc;

    AssetBlobOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return owned;
    }
}
