package app.kadr.asset;

import app.kadr.shared.Access;
import app.kadr.shared.AssetUrls;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provenance of every live asset of a project in one query, in storyboard order (shot position,
 * then the order the takes arrived). Like {@link Provenance}, it reads the generation module's table itself,
 * because the generation module depends on this one and not the other way round. Someone else's project, or one
 * in the trash, reads as no rows.
 */
@Component
public class ProvenanceRows {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Access access;

    ProvenanceRows(JdbcClient jdbc, JsonMapper json, Access access) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
    }

    public List<ProvenanceRow> ofProject(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return jdbc.sql("""
                        select s.id as shot_id, s.position, s.title, a.id, a.original_name, a.kind, a.origin,
                          a.mime_type, a.original_key, a.created_at,
                          case when s.headliner_asset_id = a.id then 1 else 0 end as headliner,
                          g.id as generation_id, g.model_snapshot, g.prompt, g.negative_prompt, g.seed, g.params,
                          g.source_asset_ids, g.parent_asset_id, g.edit_instruction, g.cost
                        from assets a
                        join shots s on s.id = a.shot_id
                        left join generations g on g.id = a.generation_id
                        where s.project_id = ? and s.deleted_at is null and a.deleted_at is null
                        order by s.position, a.created_at, a.id""").param(projectId).query((rs, n) -> row(rs)).list();
    }

    private ProvenanceRow row(ResultSet rs) throws SQLException {
        UUID assetId = Objects.requireNonNull(Rows.uuid(rs, "id"));
        UUID generationId = Rows.uuid(rs, "generation_id");
        Map<String, Object> model = generationId == null ? Map.of() : read(rs.getString("model_snapshot"), MAP);
        Integer position = Rows.integer(rs, "position");
        return new ProvenanceRow(
                position == null ? 0 : position,
                rs.getString("title"),
                Objects.requireNonNull(Rows.uuid(rs, "shot_id")),
                assetId,
                rs.getString("original_name"),
                rs.getString("kind"),
                rs.getString("origin"),
                rs.getString("mime_type"),
                rs.getInt("headliner") == 1,
                AssetUrls.of(assetId, "original", rs.getString("original_key")),
                Objects.requireNonNull(Rows.instant(rs, "created_at")),
                generationId,
                text(model.get("provider")),
                text(model.get("providerName")),
                text(model.get("vendor")),
                text(model.get("name")),
                text(model.get("externalId")),
                rs.getString("prompt"),
                rs.getString("negative_prompt"),
                Rows.longValue(rs, "seed"),
                generationId == null ? Map.of() : read(rs.getString("params"), MAP),
                generationId == null ? List.of() : read(rs.getString("source_asset_ids"), IDS),
                Rows.uuid(rs, "parent_asset_id"),
                rs.getString("edit_instruction"),
                rs.getBigDecimal("cost"));
    }

    private <T> T read(String text, TypeReference<T> type) {
        return json.readValue(text, type);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
