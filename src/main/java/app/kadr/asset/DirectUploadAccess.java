package app.kadr.asset;

import app.kadr.shared.AccessRule;
import app.kadr.shared.ColumnAccessRule;
import app.kadr.shared.OwnedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A direct upload is the person's who opened it (its shot is checked again when it becomes a take, since the
 * shot may have gone to the trash meanwhile).
 */
@Component
class DirectUploadAccess extends ColumnAccessRule {

    DirectUploadAccess(JdbcClient jdbc) {
        super(
                OwnedKind.DIRECT_UPLOAD,
                jdbc,
                "select owner_id from direct_uploads where id = ?",
                AccessRule.Holder::person);
    }
}
