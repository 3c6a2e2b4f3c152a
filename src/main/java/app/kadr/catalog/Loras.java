package app.kadr.catalog;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's LoRA entries, each with its provider. */
@Repository
class Loras {

    private static final String SELECT =
            "select l.*, " + Providers.COLUMNS + " from loras l join providers p on p.id = l.provider_id";

    private final JdbcClient jdbc;
    private final Providers providers;

    Loras(JdbcClient jdbc, Providers providers) {
        this.jdbc = jdbc;
        this.providers = providers;
    }

    List<CatalogLora> all() {
        return jdbc.sql(SELECT + " order by l.name, l.id").query(this::map).list();
    }

    Optional<CatalogLora> byId(UUID id) {
        return jdbc.sql(SELECT + " where l.id = ?").param(id).query(this::map).optional();
    }

    boolean exists(UUID providerId, String externalId) {
        return jdbc.sql("select count(*) from loras where provider_id = ? and external_id = ?")
                        .params(providerId, externalId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(CatalogLora lora) {
        jdbc.sql("""
                        insert into loras (id, provider_id, external_id, name, trigger_word, default_weight, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        lora.id(),
                        lora.provider().id(),
                        lora.externalId(),
                        lora.name(),
                        lora.triggerWord(),
                        lora.defaultWeight(),
                        Rows.ts(lora.createdAt()))
                .update();
    }

    private CatalogLora map(ResultSet rs, int row) throws SQLException {
        Instant created = Rows.instant(rs, "created_at");
        return new CatalogLora(
                Rows.uuid(rs, "id"),
                providers.map(rs, row),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("trigger_word"),
                rs.getBigDecimal("default_weight").stripTrailingZeros(),
                created);
    }
}
