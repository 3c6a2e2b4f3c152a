package app.kadr.generation;

import app.kadr.shared.Rows;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class Generations {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Generations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(GenerationRow row) {
        jdbc.sql("""
                        insert into generations (id, shot_id, model_id, provider_id, model_snapshot, task, prompt,
                          negative_prompt, params, seed, variants, source_asset_ids, parent_asset_id, edit_instruction,
                          status, attempts, cancel_requested, cost_estimate, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, false, ?, ?)""")
                .params(
                        row.id(),
                        row.shotId(),
                        row.modelId(),
                        row.providerId(),
                        json.writeValueAsString(row.modelSnapshot()),
                        row.task(),
                        row.prompt(),
                        row.negativePrompt(),
                        json.writeValueAsString(row.params()),
                        row.seed(),
                        row.variants(),
                        json.writeValueAsString(row.sourceAssetIds()),
                        row.parentAssetId(),
                        row.editInstruction(),
                        row.status().name(),
                        row.costEstimate(),
                        Rows.ts(row.createdAt()))
                .update();
    }

    Optional<GenerationRow> byId(UUID id) {
        return jdbc.sql("select * from generations where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The running generations that wait on the given request at the provider (normally one, or none). */
    List<UUID> runningWith(UUID providerId, String providerRequestId) {
        return jdbc.sql("select id from generations where provider_id = ? and status = 'RUNNING'"
                        + " and provider_request_id = ?")
                .params(providerId, providerRequestId)
                .query((rs, row) -> Rows.uuid(rs, "id"))
                .list();
    }

    List<GenerationRow> ofShot(UUID shotId, int limit) {
        return jdbc.sql("select * from generations where shot_id = ? order by created_at desc, id desc limit " + limit)
                .param(shotId)
                .query(this::map)
                .list();
    }

    List<GenerationRow> ofProject(UUID projectId, @Nullable GenerationStatus status, int limit) {
        String filter = status == null ? "" : " and g.status = ?";
        var statement = jdbc.sql("""
                        select g.* from generations g join shots s on s.id = g.shot_id
                        where s.project_id = ? and s.deleted_at is null%s
                        order by g.created_at desc, g.id desc limit %d""".formatted(filter, limit)).param(projectId);
        if (status != null) {
            statement = statement.param(status.name());
        }
        return statement.query(this::map).list();
    }

    Map<UUID, GenerationStatus> statusesIn(UUID projectId, java.util.Collection<UUID> ids) {
        Map<UUID, GenerationStatus> found = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(ids);
        // In slices, so that no statement carries more placeholders than a driver takes.
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> slice = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            jdbc.sql("""
                            select g.id, g.status from generations g join shots s on s.id = g.shot_id
                            where s.project_id = ? and g.id in (%s)""".formatted(marks))
                    .params(java.util.stream.Stream.concat(java.util.stream.Stream.of(projectId), slice.stream())
                            .toArray())
                    .query((rs, n) -> found.put(Rows.uuid(rs, "id"), GenerationStatus.valueOf(rs.getString("status"))))
                    .list();
        }
        return found;
    }

    List<UUID> assetIds(UUID generationId) {
        return jdbc.sql("select asset_id from generation_results where generation_id = ? order by result_index")
                .param(generationId)
                .query(UUID.class)
                .list();
    }

    boolean hasResult(UUID generationId, int index) {
        return jdbc.sql("select count(*) from generation_results where generation_id = ? and result_index = ?")
                        .params(generationId, index)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The seed the provider says it used, where it chose one itself (Stability's seed 0 means "random"). */
    void recordSeed(UUID generationId, long seed) {
        jdbc.sql("update generations set seed = ? where id = ?")
                .params(seed, generationId)
                .update();
    }

    void addResult(UUID generationId, int index, UUID assetId) {
        jdbc.sql("insert into generation_results (generation_id, result_index, asset_id) values (?, ?, ?)")
                .params(generationId, index, assetId)
                .update();
    }

    /**
     * Notes, before the provider is asked, that a submit is under way (see {@link GenerationRow#submitInDoubt}), with
     * the id chosen for it where the provider takes one, and the input it is sent.
     */
    void markSubmitting(UUID id, @Nullable String requestId, Map<String, Object> sent) {
        jdbc.sql("update generations set submit_started_at = ?, submit_request_id = ?, sent = ? where id = ?")
                .params(Rows.ts(Rows.now()), requestId, json.writeValueAsString(sent), id)
                .update();
    }

    void markSubmitted(UUID id, String providerRequestId) {
        jdbc.sql("""
                        update generations set status = 'RUNNING', provider_request_id = ?,
                          submit_started_at = null, started_at = coalesce(started_at, ?) where id = ?""").params(providerRequestId, Rows.ts(Rows.now()), id).update();
    }

    /**
     * Clears the submit marker of a submit the provider says it never received, keeping the id chosen for it: the
     * next submit uses the same id, so a provider that did get the first after all refuses the second.
     */
    void notReceived(UUID id) {
        jdbc.sql("update generations set submit_started_at = null where id = ?")
                .param(id)
                .update();
    }

    /**
     * Counts a passing failure of a submit that may have reached the provider: the marker and the chosen id stay, so
     * the next step looks the request up instead of submitting again.
     */
    void countAttemptInDoubt(UUID id, String errorCode, @Nullable String log) {
        jdbc.sql("update generations set attempts = attempts + 1, error_code = ?, provider_log = ? where id = ?")
                .params(errorCode, clip(log, 20_000), id)
                .update();
    }

    void markProgress(UUID id, boolean running, @Nullable Double progress, @Nullable String message) {
        jdbc.sql("update generations set status = ?, progress = ?, progress_message = ? where id = ?")
                .params(running ? "RUNNING" : "PENDING", progress, clip(message, 500), id)
                .update();
    }

    /**
     * Counts a retryable failure. A submit that failed this way is taken as not accepted (the provider said it is
     * busy, or could not be reached), so the next attempt may submit again: the submit marker goes in the same
     * statement. A submit that got no answer after sending is the doubtful case; the runner ends it instead
     * (see {@code GenerationRunner}), unless the provider takes a second submit safely.
     */
    void countAttempt(UUID id, String errorCode, @Nullable String log) {
        jdbc.sql("""
                        update generations set attempts = attempts + 1, error_code = ?, provider_log = ?,
                          submit_started_at = null, submit_request_id = null where id = ?""").params(errorCode, clip(log, 20_000), id).update();
    }

    /** Forgets a submission that must be made again (a retry after a failed submit or a lost local job). */
    void unsubmit(UUID id) {
        jdbc.sql("""
                        update generations set provider_request_id = null, submit_started_at = null,
                          submit_request_id = null, status = 'PENDING'
                        where id = ?""").param(id).update();
    }

    void finish(UUID id, @Nullable BigDecimal cost) {
        jdbc.sql("""
                        update generations set status = 'DONE', progress = 1, progress_message = null, error_code = null,
                          error_field = null, cost = ?, finished_at = ? where id = ? and status <> 'DONE'""").params(cost, Rows.ts(Rows.now()), id).update();
    }

    void fail(UUID id, String errorCode, @Nullable String errorField, @Nullable String log) {
        jdbc.sql("""
                        update generations set status = 'FAILED', error_code = ?, error_field = ?, provider_log = ?,
                          finished_at = ? where id = ?""")
                .params(errorCode, clip(errorField, 200), clip(log, 20_000), Rows.ts(Rows.now()), id)
                .update();
    }

    boolean requestCancel(UUID id) {
        return jdbc.sql(
                                "update generations set cancel_requested = true where id = ? and status in ('PENDING', 'RUNNING')")
                        .param(id)
                        .update()
                > 0;
    }

    void markCancelled(UUID id) {
        jdbc.sql("update generations set status = 'CANCELLED', finished_at = ? where id = ?")
                .params(Rows.ts(Rows.now()), id)
                .update();
    }

    /** Starts a failed or cancelled generation over, keeping its parameters and seed. */
    boolean reopen(UUID id) {
        return jdbc.sql("""
                                update generations set status = 'PENDING', provider_request_id = null,
                                  submit_started_at = null, submit_request_id = null, attempts = 0,
                                  cancel_requested = false, error_code = null, error_field = null, progress = null,
                                  progress_message = null, started_at = null, finished_at = null
                                where id = ? and status in ('FAILED', 'CANCELLED')""").param(id).update() > 0;
    }

    /** What the owner's project spent: the sum of recorded costs. */
    BigDecimal spentOn(UUID projectId) {
        BigDecimal spent =
                jdbc.sql("""
                        select coalesce(sum(g.cost), 0) from generations g join shots s on s.id = g.shot_id
                        where s.project_id = ?""").param(projectId).query(BigDecimal.class).single();
        return spent == null ? BigDecimal.ZERO : spent;
    }

    private GenerationRow map(ResultSet rs, int n) throws SQLException {
        double progress = rs.getDouble("progress");
        boolean noProgress = rs.wasNull();
        return new GenerationRow(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "shot_id"),
                Rows.uuid(rs, "model_id"),
                Rows.uuid(rs, "provider_id"),
                json.readValue(rs.getString("model_snapshot"), MAP),
                rs.getString("task"),
                rs.getString("prompt"),
                rs.getString("negative_prompt"),
                json.readValue(rs.getString("params"), MAP),
                rs.getLong("seed"),
                rs.getInt("variants"),
                new ArrayList<>(json.readValue(rs.getString("source_asset_ids"), IDS)),
                Rows.uuid(rs, "parent_asset_id"),
                rs.getString("edit_instruction"),
                GenerationStatus.valueOf(rs.getString("status")),
                noProgress ? null : progress,
                rs.getString("progress_message"),
                rs.getString("error_code"),
                rs.getString("error_field"),
                rs.getString("provider_request_id"),
                rs.getInt("attempts"),
                rs.getBoolean("cancel_requested"),
                rs.getBigDecimal("cost_estimate"),
                rs.getBigDecimal("cost"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"),
                Rows.instant(rs, "submit_started_at"),
                rs.getString("submit_request_id"),
                sent(rs.getString("sent")));
    }

    private @Nullable Map<String, Object> sent(@Nullable String stored) {
        return stored == null ? null : json.readValue(stored, MAP);
    }

    private static @Nullable String clip(@Nullable String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
