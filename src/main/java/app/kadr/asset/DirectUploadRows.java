package app.kadr.asset;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code direct_uploads} table. */
@Repository
class DirectUploadRows {

    private final JdbcClient jdbc;

    DirectUploadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DirectUploadRow row) {
        jdbc.sql("""
                        insert into direct_uploads (id, owner_id, shot_id, blob_key, file_name, declared_size,
                            content_type, asset_id, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(
                        row.id(),
                        row.ownerId(),
                        row.shotId(),
                        row.blobKey(),
                        row.fileName(),
                        row.declaredSize(),
                        row.contentType(),
                        Rows.ts(Rows.now()),
                        Rows.ts(row.expiresAt()))
                .update();
    }

    /** The upload (its owner is checked by {@link DirectUploadAccess}). */
    Optional<DirectUploadRow> byId(UUID id) {
        return jdbc.sql("select * from direct_uploads where id = ?")
                .param(id)
                .query(DirectUploadRows::row)
                .optional();
    }

    /** The upload, locked until the transaction ends: two confirms at once make one asset. */
    Optional<DirectUploadRow> lock(UUID id) {
        return jdbc.sql("select * from direct_uploads where id = ? for update")
                .param(id)
                .query(DirectUploadRows::row)
                .optional();
    }

    void confirmed(UUID id, UUID assetId) {
        jdbc.sql("update direct_uploads set asset_id = ? where id = ?")
                .params(assetId, id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from direct_uploads where id = ?").param(id).update();
    }

    List<DirectUploadRow> expiredBefore(Instant moment, int limit) {
        return jdbc.sql("select * from direct_uploads where expires_at < ? order by expires_at limit ?")
                .params(Rows.ts(moment), limit)
                .query(DirectUploadRows::row)
                .list();
    }

    List<String> keysAmong(Collection<String> keys) {
        return jdbc.sql("select blob_key from direct_uploads where blob_key in (:keys)")
                .param("keys", keys)
                .query(String.class)
                .list();
    }

    private static DirectUploadRow row(ResultSet rs, int n) throws SQLException {
        return new DirectUploadRow(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("shot_id", UUID.class),
                rs.getString("blob_key"),
                rs.getString("file_name"),
                rs.getLong("declared_size"),
                rs.getString("content_type"),
                Rows.uuid(rs, "asset_id"),
                Rows.instant(rs, "expires_at"));
    }
}
