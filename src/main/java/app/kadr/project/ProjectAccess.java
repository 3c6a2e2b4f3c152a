package app.kadr.project;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A project belongs to the person who made it. */
@Component
class ProjectAccess implements AccessRule {

    private final JdbcClient jdbc;

    ProjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.PROJECT;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        return jdbc.sql("select owner_id from projects where id = ? and deleted_at is "
                        + (trashed ? "not null" : "null"))
                .param(id)
                .query(UUID.class)
                .optional()
                .map(Holder::person);
    }
}
