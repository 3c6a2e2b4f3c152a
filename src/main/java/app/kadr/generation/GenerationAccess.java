package app.kadr.generation;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A generation is its shot's. */
@Component
class GenerationAccess implements AccessRule {

    private final JdbcClient jdbc;

    GenerationAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.GENERATION;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        if (trashed) {
            return Optional.empty();
        }
        return jdbc.sql("select shot_id from generations where id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .map(shot -> Holder.inside(OwnedKind.SHOT, shot));
    }
}
