package app.kadr.batch;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A batch is its project's. */
@Component
class BatchAccess implements AccessRule {

    private final JdbcClient jdbc;

    BatchAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.BATCH;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        if (trashed) {
            return Optional.empty();
        }
        return jdbc.sql("select project_id from batches where id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .map(project -> Holder.inside(OwnedKind.PROJECT, project));
    }
}
