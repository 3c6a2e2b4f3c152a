package app.kadr.batch;

import app.kadr.shared.AccessRule;
import app.kadr.shared.ColumnAccessRule;
import app.kadr.shared.OwnedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A batch is its project's. */
@Component
class BatchAccess extends ColumnAccessRule {

    BatchAccess(JdbcClient jdbc) {
        super(
                OwnedKind.BATCH,
                jdbc,
                "select project_id from batches where id = ?",
                project -> AccessRule.Holder.inside(OwnedKind.PROJECT, project));
    }
}
