package app.kadr.generation;

import app.kadr.shared.AccessRule;
import app.kadr.shared.ColumnAccessRule;
import app.kadr.shared.OwnedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A generation is its shot's. */
@Component
class GenerationAccess extends ColumnAccessRule {

    GenerationAccess(JdbcClient jdbc) {
        super(
                OwnedKind.GENERATION,
                jdbc,
                "select shot_id from generations where id = ?",
                shot -> AccessRule.Holder.inside(OwnedKind.SHOT, shot));
    }
}
