package app.kadr.asset;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A take is its shot's. */
@Component
class AssetAccess implements AccessRule {

    private final JdbcClient jdbc;

    AssetAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.ASSET;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        return jdbc.sql("select shot_id from assets where id = ? and deleted_at is " + (trashed ? "not null" : "null"))
                .param(id)
                .query(UUID.class)
                .optional()
                .map(shot -> Holder.inside(OwnedKind.SHOT, shot));
    }
}
