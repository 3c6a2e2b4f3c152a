package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review renditions of assets shown through links: one per asset, made once and kept. */
@Repository
class Renditions {

    static final String PREPARING = "preparing";
    static final String READY = "ready";
    static final String FAILED = "failed";

    /** A rendition as the sharing module keeps it; {@code fileKey} is set once it is ready. */
    record Rendition(
            UUID assetId,
            UUID ownerId,
            String kind,
            String status,
            @Nullable String fileKey) {

        boolean isReady() {
            return READY.equals(status) && fileKey != null;
        }
    }

    private static final String SELECT = "select asset_id, owner_id, kind, status, file_key from share_renditions";

    private final JdbcClient jdbc;

    Renditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for a rendition; false when one was asked for before (by this or a concurrent request). */
    boolean request(UUID assetId, UUID ownerId, String kind) {
        return jdbc.sql("""
                                insert into share_renditions (asset_id, owner_id, kind, status, requested_at)
                                values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(assetId, ownerId, kind, PREPARING, Rows.ts(Rows.now()))
                        .update()
                > 0;
    }

    Optional<Rendition> byAsset(UUID assetId) {
        return jdbc.sql(SELECT + " where asset_id = ?")
                .param(assetId)
                .query(Renditions::map)
                .optional();
    }

    Map<UUID, Rendition> ofAssets(Collection<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT + " where asset_id in (:ids)")
                .param("ids", assetIds)
                .query(Renditions::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Rendition::assetId, Function.identity()));
    }

    /** Only a rendition still being prepared is finished: a job run twice does not replace a finished file. */
    boolean ready(UUID assetId, String fileKey, int width, int height) {
        return jdbc.sql("""
                                update share_renditions set status = ?, file_key = ?, width = ?, height = ?,
                                  finished_at = ? where asset_id = ? and status = ?""")
                        .params(READY, fileKey, width, height, Rows.ts(Rows.now()), assetId, PREPARING)
                        .update()
                > 0;
    }

    void failed(UUID assetId) {
        jdbc.sql("update share_renditions set status = ?, finished_at = ? where asset_id = ? and status = ?")
                .params(FAILED, Rows.ts(Rows.now()), assetId, PREPARING)
                .update();
    }

    /** The rendition files among the candidates, so the storage sweep keeps them. */
    Set<String> keysAmong(Collection<String> candidateKeys) {
        return Set.copyOf(jdbc.sql("select file_key from share_renditions where file_key in (:keys)")
                .param("keys", candidateKeys)
                .query(String.class)
                .list());
    }

    private static Rendition map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rendition(
                Rows.uuid(rs, "asset_id"),
                Rows.uuid(rs, "owner_id"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getString("file_key"));
    }

    static List<UUID> assetsOf(List<ClientStoryboard.Row> rows) {
        return rows.stream()
                .map(ClientStoryboard.Row::headliner)
                .filter(java.util.Objects::nonNull)
                .map(ClientStoryboard.Files::assetId)
                .toList();
    }
}
