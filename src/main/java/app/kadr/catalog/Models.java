package app.kadr.catalog;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
class Models {

    private static final String SELECT =
            "select m.*, " + Providers.COLUMNS + " from models m join providers p on p.id = m.provider_id";

    private final JdbcClient jdbc;
    private final Providers providers;
    private final JsonMapper json;

    Models(JdbcClient jdbc, Providers providers, JsonMapper json) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.json = json;
    }

    List<CatalogModel> list(@Nullable Task task, @Nullable ProviderKind kind, boolean onlyUsable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (task != null) {
            where.append(" and m.task = ?");
            params.add(task.code());
        }
        if (kind != null) {
            where.append(" and p.kind = ?");
            params.add(kind.code());
        }
        if (onlyUsable) {
            where.append(" and m.enabled = true and p.enabled = true");
        }
        return jdbc.sql(SELECT + where + " order by m.task, m.name, m.id")
                .params(params)
                .query(this::map)
                .list();
    }

    /** Every model, switched on or not, by name: past takes may come from a model switched off since. */
    List<ModelName> names() {
        return jdbc.sql("""
                        select m.id, m.name, p.name as provider_name
                        from models m join providers p on p.id = m.provider_id order by m.name, m.id""")
                .query((rs, n) ->
                        new ModelName(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("provider_name")))
                .list();
    }

    Optional<CatalogModel> byId(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::map).optional();
    }

    boolean exists(UUID providerId, String externalId) {
        return jdbc.sql("select count(*) from models where provider_id = ? and external_id = ?")
                        .params(providerId, externalId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, UUID providerId, ModelDraft model, Instant now) {
        jdbc.sql("""
                        insert into models (id, provider_id, external_id, name, vendor, task, quality, description,
                          param_schema, defaults, presets, field_mapping, price_unit, price_usd, typical_seconds,
                          enabled, workflow, max_references, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, providerId)
                .params(columns(model))
                .params(Rows.ts(now), Rows.ts(now))
                .update();
    }

    void update(UUID id, ModelDraft model, Instant now) {
        jdbc.sql("""
                        update models set external_id = ?, name = ?, vendor = ?, task = ?, quality = ?, description = ?,
                          param_schema = ?, defaults = ?, presets = ?, field_mapping = ?, price_unit = ?, price_usd = ?,
                          typical_seconds = ?, enabled = ?, workflow = ?, max_references = ?, updated_at = ?
                        where id = ?""").params(columns(model)).params(Rows.ts(now), id).update();
    }

    /** Gives a seeded model its graph unless an admin has changed the model since (and maybe removed it). */
    void fillWorkflow(UUID providerId, String externalId, String workflow, Instant now) {
        jdbc.sql("""
                        update models set workflow = ?, updated_at = ?
                        where provider_id = ? and external_id = ? and workflow is null
                          and updated_at = created_at""").params(workflow, Rows.ts(now), providerId, externalId).update();
    }

    /**
     * Tells a seeded model how long it usually runs, once: the time arrived after the first studios were seeded, and
     * an admin can only set it, never clear it, so an empty value always means "never known".
     */
    void fillTypicalSeconds(UUID providerId, String externalId, int seconds) {
        jdbc.sql(
                        "update models set typical_seconds = ? where provider_id = ? and external_id = ? and typical_seconds is null")
                .params(seconds, providerId, externalId)
                .update();
    }

    /**
     * Teaches a seeded model the fields its seed maps and it does not (the elements' LoRAs arrived after the first
     * studios were seeded), once, keeping every mapping it has; a model an admin has changed is left alone.
     */
    boolean fillFieldMapping(UUID providerId, String externalId, Map<String, String> seeded) {
        return jdbc.sql("""
                        select field_mapping from models
                        where provider_id = ? and external_id = ? and updated_at = created_at""")
                .params(providerId, externalId)
                .query(String.class)
                .optional()
                .map(stored -> {
                    Map<String, String> mapping =
                            new java.util.LinkedHashMap<>(read(stored, new TypeReference<Map<String, String>>() {}));
                    int before = mapping.size();
                    seeded.forEach(mapping::putIfAbsent);
                    return mapping.size() > before
                            && jdbc.sql("""
                                                    update models set field_mapping = ?
                                                    where provider_id = ? and external_id = ? and field_mapping = ?
                                                      and updated_at = created_at""")
                                            .params(write(mapping), providerId, externalId, stored)
                                            .update()
                                    > 0;
                })
                .orElse(false);
    }

    /** The JSON a model's map is stored as; also how its stored size is measured. */
    String write(Object value) {
        return json.writeValueAsString(value);
    }

    private List<@Nullable Object> columns(ModelDraft model) {
        return java.util.Arrays.asList(
                model.externalId(),
                model.name(),
                model.vendor(),
                model.task().code(),
                model.quality().code(),
                model.description(),
                write(model.schema().toJson()),
                write(model.defaults()),
                write(model.presets()),
                write(model.fieldMapping()),
                model.price().unit().code(),
                model.price().usd(),
                model.typicalSeconds(),
                model.enabled(),
                model.workflow(),
                model.maxReferences());
    }

    private CatalogModel map(ResultSet rs, int row) throws SQLException {
        return new CatalogModel(
                Rows.uuid(rs, "id"),
                providers.map(rs, row),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("vendor"),
                Task.of(rs.getString("task")).orElseThrow(),
                Quality.of(rs.getString("quality")).orElseThrow(),
                rs.getString("description"),
                ParamSchema.parse(read(rs.getString("param_schema"), new TypeReference<Map<String, Object>>() {})),
                read(rs.getString("defaults"), new TypeReference<Map<String, Object>>() {}),
                read(rs.getString("presets"), new TypeReference<Map<String, Map<String, Object>>>() {}),
                read(rs.getString("field_mapping"), new TypeReference<Map<String, String>>() {}),
                new Price(Price.Unit.of(rs.getString("price_unit")).orElseThrow(), rs.getBigDecimal("price_usd")),
                rs.getObject("typical_seconds", Integer.class),
                rs.getBoolean("enabled"),
                rs.getString("workflow"),
                rs.getInt("max_references"));
    }

    private <T> T read(String text, TypeReference<T> type) {
        return json.readValue(text, type);
    }
}
