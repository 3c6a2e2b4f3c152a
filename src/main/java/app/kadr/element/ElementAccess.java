package app.kadr.element;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An element is its project's; a trashed one can still be found for restoring. */
@Component
class ElementAccess implements AccessRule {

    private final JdbcClient jdbc;

    ElementAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.ELEMENT;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        return jdbc.sql("select project_id from elements where id = ? and deleted_at is "
                        + (trashed ? "not null" : "null"))
                .param(id)
                .query(UUID.class)
                .optional()
                .map(project -> Holder.inside(OwnedKind.PROJECT, project));
    }
}
