package app.kadr.element;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The elements, their versions and each version's reference takes. */
@Repository
class Elements {

    private static final String VERSION = """
            select e.id, e.project_id, e.created_at, e.updated_at,
              v.version, v.kind, v.handle, v.name, v.description, v.voice_note, v.voice_asset_id, v.lora_id, v.lora_weight
            from elements e join element_versions v on v.element_id = e.id
            """;

    private final JdbcClient jdbc;

    Elements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID projectId, String handleKey, Instant now) {
        jdbc.sql("""
                        insert into elements (id, project_id, handle_key, version, created_at, updated_at)
                        values (?, ?, ?, 1, ?, ?)""")
                .params(id, projectId, handleKey, Rows.ts(now), Rows.ts(now))
                .update();
    }

    /** Writes a version with its references; the element row then points at it. */
    void insertVersion(ElementRow row, Instant now) {
        jdbc.sql("""
                        insert into element_versions (element_id, version, kind, handle, name, description,
                          voice_note, voice_asset_id, created_at, lora_id, lora_weight)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.id(),
                        row.version(),
                        row.kind().apiName(),
                        row.handle(),
                        row.name(),
                        row.description(),
                        row.voiceNote(),
                        row.voiceAssetId(),
                        Rows.ts(now),
                        row.loraId(),
                        row.loraWeight())
                .update();
        for (int i = 0; i < row.referenceAssetIds().size(); i++) {
            jdbc.sql("insert into element_references (element_id, version, position, asset_id) values (?, ?, ?, ?)")
                    .params(row.id(), row.version(), i, row.referenceAssetIds().get(i))
                    .update();
        }
        jdbc.sql("update elements set version = ?, handle_key = ?, updated_at = ? where id = ?")
                .params(row.version(), Handle.key(row.handle()), Rows.ts(now), row.id())
                .update();
    }

    /** The current version of an element, whether live or in the trash. */
    Optional<ElementRow> current(UUID id) {
        return withReferences(jdbc.sql(VERSION + " where e.id = ? and v.version = e.version")
                        .param(id)
                        .query(Elements::row)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<ElementRow> version(UUID id, int version) {
        return withReferences(jdbc.sql(VERSION + " where e.id = ? and v.version = ?")
                        .params(id, version)
                        .query(Elements::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** Every version of an element, newest first. */
    List<ElementRow> versions(UUID id) {
        return withReferences(jdbc.sql(VERSION + " where e.id = ? order by v.version desc")
                .param(id)
                .query(Elements::row)
                .list());
    }

    /** The live elements of a project, by kind and then handle. */
    List<ElementRow> live(UUID projectId) {
        return withReferences(
                jdbc.sql(VERSION + " where e.project_id = ? and e.deleted_at is null and v.version = e.version"
                                + " order by v.kind, e.handle_key")
                        .param(projectId)
                        .query(Elements::row)
                        .list());
    }

    /** The trashed elements of these projects, latest first. */
    List<ElementRow> trashed(Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", projectIds.stream().map(p -> "?").toList());
        return withReferences(jdbc.sql(VERSION + " where e.deleted_at is not null and v.version = e.version"
                        + " and e.project_id in (" + ids + ") order by e.deleted_at desc")
                .params(new ArrayList<>(projectIds))
                .query(Elements::row)
                .list());
    }

    /** Whether another element of the project, live or trashed, already answers to this handle. */
    boolean handleTaken(UUID projectId, String handleKey, @Nullable UUID except) {
        return jdbc.sql("select count(*) from elements where project_id = ? and handle_key = ? and id <> ?")
                        .params(projectId, handleKey, except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Holds the element's row until the transaction ends, so that two edits made at once (portraits finishing
     * together) write versions one after the other instead of both claiming the next number.
     */
    void lock(UUID id) {
        jdbc.sql("select version from elements where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    void setDeleted(UUID id, @Nullable Instant deletedAt) {
        jdbc.sql("update elements set deleted_at = ? where id = ?")
                .params(Rows.ts(deletedAt), id)
                .update();
    }

    private static ElementRow row(ResultSet rs, int n) throws SQLException {
        return new ElementRow(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "project_id"),
                rs.getInt("version"),
                ElementKind.of(rs.getString("kind")),
                rs.getString("handle"),
                rs.getString("name"),
                rs.getString("description"),
                List.of(),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                rs.getString("voice_note"),
                Rows.uuid(rs, "voice_asset_id"),
                Rows.uuid(rs, "lora_id"),
                weight(rs.getBigDecimal("lora_weight")));
    }

    private static java.math.@Nullable BigDecimal weight(java.math.@Nullable BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    private record Key(UUID id, int version) {}

    private List<ElementRow> withReferences(List<ElementRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Key, List<UUID>> references = new HashMap<>();
        jdbc.sql("select element_id, version, asset_id from element_references where element_id in ("
                        + String.join(",", rows.stream().map(r -> "?").toList()) + ") order by position")
                .params(rows.stream().map(ElementRow::id).toList())
                .query((rs, n) -> references
                        .computeIfAbsent(
                                new Key(Rows.uuid(rs, "element_id"), rs.getInt("version")), k -> new ArrayList<>())
                        .add(Rows.uuid(rs, "asset_id")))
                .list();
        return rows.stream()
                .map(r ->
                        r.withReferences(List.copyOf(references.getOrDefault(new Key(r.id(), r.version()), List.of()))))
                .toList();
    }
}
