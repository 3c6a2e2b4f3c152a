package app.kadr.film;

import app.kadr.shared.AccessRule;
import app.kadr.shared.ColumnAccessRule;
import app.kadr.shared.OwnedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An export is its project's. */
@Component
class ExportAccess extends ColumnAccessRule {

    ExportAccess(JdbcClient jdbc) {
        super(
                OwnedKind.EXPORT,
                jdbc,
                "select project_id from exports where id = ?",
                project -> AccessRule.Holder.inside(OwnedKind.PROJECT, project));
    }
}
