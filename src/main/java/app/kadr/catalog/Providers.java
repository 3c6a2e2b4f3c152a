package app.kadr.catalog;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Providers {

    /** The columns {@link #map} reads, under names that do not clash with a model's when joined. */
    static final String COLUMNS = """
            p.id as provider_id, p.kind as provider_kind, p.name as provider_name, p.base_url as provider_base_url,
            p.enabled as provider_enabled, p.max_concurrency as provider_max_concurrency,
            p.self_hosted as provider_self_hosted,
            (case when p.api_key_encrypted is null then false else true end) as provider_stored_key,
            p.last_check_at as provider_checked_at, p.last_check_problem as provider_check_problem,
            p.last_check_detail as provider_check_detail""";

    private final JdbcClient jdbc;
    private final ProviderKeys keys;

    Providers(JdbcClient jdbc, ProviderKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    List<Provider> all() {
        return jdbc.sql("select " + COLUMNS + " from providers p order by p.created_at, p.kind")
                .query(this::map)
                .list();
    }

    Optional<Provider> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from providers p where p.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Provider> byKind(ProviderKind kind) {
        return jdbc.sql("select " + COLUMNS + " from providers p where p.kind = ? order by p.created_at limit 1")
                .param(kind.code())
                .query(this::map)
                .optional();
    }

    Optional<String> sealedKey(UUID id) {
        return jdbc.sql("select api_key_encrypted from providers where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    void insert(UUID id, ProviderKind kind, Instant now) {
        jdbc.sql("""
                        insert into providers (id, kind, name, base_url, api_key_encrypted, max_concurrency, enabled,
                          self_hosted, created_at, updated_at)
                        values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        kind.code(),
                        kind.displayName(),
                        kind.defaultBaseUrl(),
                        kind.defaultConcurrency(),
                        kind.seededEnabled(),
                        kind == ProviderKind.COMFYUI, // seeded at 127.0.0.1: a server of one's own
                        Rows.ts(now),
                        Rows.ts(now))
                .update();
    }

    void update(
            UUID id, @Nullable String baseUrl, boolean selfHosted, boolean enabled, int maxConcurrency, Instant now) {
        jdbc.sql("""
                        update providers set base_url = ?, self_hosted = ?, enabled = ?, max_concurrency = ?,
                          updated_at = ?
                        where id = ?""")
                .params(baseUrl, selfHosted, enabled, maxConcurrency, Rows.ts(now), id)
                .update();
    }

    void setSealedKey(UUID id, @Nullable String sealed, Instant now) {
        jdbc.sql("update providers set api_key_encrypted = ?, updated_at = ? where id = ?")
                .params(sealed, Rows.ts(now), id)
                .update();
    }

    void recordCheck(UUID id, Instant at, ConnectionCheck.Outcome outcome) {
        jdbc.sql("update providers set last_check_at = ?, last_check_problem = ?, last_check_detail = ? where id = ?")
                .params(
                        Rows.ts(at),
                        outcome.problem() == null ? null : outcome.problem().code(),
                        outcome.detail() == null ? null : truncate(outcome.detail(), 500),
                        id)
                .update();
    }

    /** Forgets the last check: it was of another address or key. */
    void forgetCheck(UUID id) {
        jdbc.sql("update providers set last_check_at = null, last_check_problem = null, last_check_detail = null"
                        + " where id = ?")
                .param(id)
                .update();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    Provider map(ResultSet rs, int row) throws SQLException {
        ProviderKind kind = ProviderKind.of(rs.getString("provider_kind")).orElseThrow();
        return new Provider(
                Rows.uuid(rs, "provider_id"),
                kind,
                rs.getString("provider_name"),
                rs.getString("provider_base_url"),
                rs.getBoolean("provider_enabled"),
                rs.getInt("provider_max_concurrency"),
                keys.has(kind, rs.getBoolean("provider_stored_key")),
                rs.getBoolean("provider_self_hosted"),
                check(rs));
    }

    private static @Nullable ProviderCheck check(ResultSet rs) throws SQLException {
        Instant at = Rows.instant(rs, "provider_checked_at");
        if (at == null) {
            return null;
        }
        return new ProviderCheck(
                at,
                CheckProblem.of(rs.getString("provider_check_problem")).orElse(null),
                rs.getString("provider_check_detail"));
    }
}
