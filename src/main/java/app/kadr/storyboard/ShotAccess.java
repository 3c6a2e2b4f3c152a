package app.kadr.storyboard;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A shot is its project's. */
@Component
class ShotAccess implements AccessRule {

    private final JdbcClient jdbc;

    ShotAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.SHOT;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        return jdbc.sql("select project_id from shots where id = ? and deleted_at is "
                        + (trashed ? "not null" : "null"))
                .param(id)
                .query(UUID.class)
                .optional()
                .map(project -> Holder.inside(OwnedKind.PROJECT, project));
    }
}
