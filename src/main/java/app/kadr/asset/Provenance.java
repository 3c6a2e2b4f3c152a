package app.kadr.asset;

import app.kadr.shared.Rows;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the generations that made assets. It reads the generation module's table directly, so that assets can say
 * where they came from without the asset module depending on the generation module (which depends on it).
 */
@Component
class Provenance {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Provenance(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The assets of these rows, each with the generation that made it (if one did), read in one query. */
    List<Asset> assets(List<AssetRow> rows) {
        Map<UUID, AssetGeneration> made = of(rows.stream()
                .map(AssetRow::generationId)
                .filter(java.util.Objects::nonNull)
                .toList());
        return rows.stream()
                .map(row -> Asset.of(row, row.generationId() == null ? null : made.get(row.generationId())))
                .toList();
    }

    Map<UUID, AssetGeneration> of(Collection<UUID> generationIds) {
        Map<UUID, AssetGeneration> found = new HashMap<>();
        if (generationIds.isEmpty()) {
            return found;
        }
        String marks = String.join(",", generationIds.stream().map(id -> "?").toList());
        jdbc.sql("""
                        select id, model_id, model_snapshot, prompt, negative_prompt, seed, params, source_asset_ids,
                          parent_asset_id, edit_instruction
                        from generations where id in (%s)""".formatted(marks))
                .params(List.copyOf(generationIds))
                .query((rs, n) -> {
                    Map<String, Object> model = json.readValue(rs.getString("model_snapshot"), MAP);
                    AssetGeneration generation = new AssetGeneration(
                            Rows.uuid(rs, "id"),
                            Rows.uuid(rs, "model_id"),
                            String.valueOf(model.get("name")),
                            String.valueOf(model.get("provider")),
                            rs.getString("prompt"),
                            rs.getString("negative_prompt"),
                            rs.getLong("seed"),
                            json.readValue(rs.getString("params"), MAP),
                            json.readValue(rs.getString("source_asset_ids"), IDS),
                            Rows.uuid(rs, "parent_asset_id"),
                            rs.getString("edit_instruction"));
                    found.put(generation.id(), generation);
                    return generation;
                })
                .list();
        return found;
    }
}
