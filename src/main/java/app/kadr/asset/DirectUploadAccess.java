package app.kadr.asset;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A direct upload is the person's who opened it (its shot is checked again when it becomes a take, since the
 * shot may have gone to the trash meanwhile).
 */
@Component
class DirectUploadAccess implements AccessRule {

    private final JdbcClient jdbc;

    DirectUploadAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.DIRECT_UPLOAD;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        if (trashed) {
            return Optional.empty();
        }
        return jdbc.sql("select owner_id from direct_uploads where id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .map(Holder::person);
    }
}
