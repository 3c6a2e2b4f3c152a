package app.kadr.film;

import app.kadr.storage.BlobOwners;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the storage sweep which blobs are finished exports, so that a kept export is never swept. */
@Component
class ExportBlobOwners implements BlobOwners {

    private final JdbcClient jdbc;

    ExportBlobOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> owned(Collection<String> candidateKeys) {
        if (candidateKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select blob_key from exports where blob_key in (:keys)")
                .param("keys", candidateKeys)
                .query(String.class)
                .list());
    }
}
