package app.kadr.film;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exports table. */
@Repository
class Exports {

    private final JdbcClient jdbc;

    Exports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID projectId, String kind, int resolution, boolean burnIn, @Nullable UUID audioAssetId) {
        jdbc.sql("""
                        insert into exports (id, project_id, kind, status, progress, resolution, burn_in,
                                             audio_asset_id, created_at)
                        values (?, ?, ?, 'queued', 0, ?, ?, ?, ?)""")
                .params(id, projectId, kind, resolution, burnIn, audioAssetId, Rows.ts(Rows.now()))
                .update();
    }

    Optional<Export> byId(UUID id) {
        return jdbc.sql("select * from exports where id = ?")
                .param(id)
                .query(Exports::map)
                .optional();
    }

    List<Export> ofProject(UUID projectId) {
        return jdbc.sql("select * from exports where project_id = ? order by created_at desc, id")
                .param(projectId)
                .query(Exports::map)
                .list();
    }

    @Nullable
    String blobKey(UUID id) {
        return jdbc.sql("select blob_key from exports where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Answers whether the export still exists (it is gone when its owner cancelled it). */
    boolean progress(UUID id, String status, int percent) {
        return jdbc.sql("update exports set status = ?, progress = ? where id = ?")
                        .params(status, percent, id)
                        .update()
                == 1;
    }

    /** Answers whether the export still exists to take the file. */
    boolean finish(UUID id, String blobKey, long bytes) {
        return jdbc.sql("""
                                update exports set status = 'done', progress = 100, blob_key = ?, bytes = ?,
                                                   finished_at = ?
                                where id = ?""").params(blobKey, bytes, Rows.ts(Rows.now()), id).update() == 1;
    }

    void fail(UUID id, String reasonKey) {
        jdbc.sql("update exports set status = 'failed', failure = ?, finished_at = ? where id = ?")
                .params(reasonKey, Rows.ts(Rows.now()), id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from exports where id = ?").param(id).update();
    }

    private static Export map(ResultSet rs, int row) throws SQLException {
        return new Export(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getInt("progress"),
                rs.getInt("resolution"),
                rs.getBoolean("burn_in"),
                Rows.uuid(rs, "audio_asset_id"),
                Rows.longValue(rs, "bytes"),
                rs.getString("failure"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "finished_at"));
    }
}
