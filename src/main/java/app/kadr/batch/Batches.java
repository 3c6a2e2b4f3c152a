package app.kadr.batch;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The batches table and the generations each batch started. */
@Repository
class Batches {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Batches(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(BatchRow row, List<BatchRow.Started> started) {
        jdbc.sql("""
                        insert into batches (id, project_id, model_id, model_name, variants, params, skipped_shot_ids,
                          estimated_cost, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.id(),
                        row.projectId(),
                        row.modelId(),
                        row.modelName(),
                        row.variants(),
                        json.writeValueAsString(row.params()),
                        json.writeValueAsString(row.skippedShotIds()),
                        row.estimatedCost(),
                        Rows.ts(row.createdAt()))
                .update();
        for (BatchRow.Started one : started) {
            jdbc.sql("insert into batch_generations (batch_id, position, shot_id, generation_id) values (?, ?, ?, ?)")
                    .params(row.id(), one.position(), one.shotId(), one.generationId())
                    .update();
        }
    }

    Optional<BatchRow> byId(UUID id) {
        return jdbc.sql("select * from batches where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The project's batches still on show (not put away), newest first. */
    List<BatchRow> shownIn(UUID projectId, int limit) {
        return jdbc.sql("select * from batches where project_id = ? and dismissed_at is null"
                        + " order by created_at desc, id desc limit " + limit)
                .param(projectId)
                .query(this::map)
                .list();
    }

    List<BatchRow.Started> started(UUID batchId) {
        return jdbc.sql("select position, shot_id, generation_id from batch_generations where batch_id = ?"
                        + " order by position")
                .param(batchId)
                .query((rs, n) -> new BatchRow.Started(
                        rs.getInt("position"), Rows.uuid(rs, "shot_id"), Rows.uuid(rs, "generation_id")))
                .list();
    }

    void markCancelled(UUID id) {
        jdbc.sql("update batches set cancelled_at = coalesce(cancelled_at, ?) where id = ?")
                .params(Rows.ts(Rows.now()), id)
                .update();
    }

    void dismiss(UUID id) {
        jdbc.sql("update batches set dismissed_at = coalesce(dismissed_at, ?) where id = ?")
                .params(Rows.ts(Rows.now()), id)
                .update();
    }

    private BatchRow map(ResultSet rs, int n) throws SQLException {
        return new BatchRow(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "project_id"),
                Rows.uuid(rs, "model_id"),
                rs.getString("model_name"),
                rs.getInt("variants"),
                json.readValue(rs.getString("params"), MAP),
                json.readValue(rs.getString("skipped_shot_ids"), IDS),
                rs.getBigDecimal("estimated_cost"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "cancelled_at"),
                Rows.instant(rs, "dismissed_at"));
    }
}
