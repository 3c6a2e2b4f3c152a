package app.kadr.platform;

import app.kadr.media.FocalPoint;
import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The platform_versions table and the takes each request became (platform_version_takes). */
@Repository
class PlatformVersions {

    /** A request as stored; {@code owner} is whose take it is, so the job reads the source as them. */
    record Row(
            UUID id,
            UUID owner,
            UUID sourceAssetId,
            List<PlatformFormat> formats,
            FocalPoint focus,
            String status,
            String failure,
            java.time.Instant createdAt,
            java.time.Instant finishedAt) {}

    private final JdbcClient jdbc;

    PlatformVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID owner, UUID sourceAssetId, List<PlatformFormat> formats, FocalPoint focus) {
        jdbc.sql("""
                        insert into platform_versions (id, owner_id, source_asset_id, formats, focus_x, focus_y, status,
                          created_at)
                        values (?, ?, ?, ?, ?, ?, 'queued', ?)""")
                .params(
                        id,
                        owner,
                        sourceAssetId,
                        formats.stream().map(PlatformFormat::apiName).collect(Collectors.joining(",")),
                        focus.x(),
                        focus.y(),
                        Rows.ts(Rows.now()))
                .update();
    }

    Optional<Row> byId(UUID id) {
        return jdbc.sql("select * from platform_versions where id = ?")
                .param(id)
                .query(PlatformVersions::map)
                .optional();
    }

    /** The requests for a take's versions, newest first. */
    List<Row> ofSource(UUID sourceAssetId) {
        return jdbc.sql("select * from platform_versions where source_asset_id = ? order by created_at desc, id")
                .param(sourceAssetId)
                .query(PlatformVersions::map)
                .list();
    }

    /** The formats already made for a request and their takes. */
    Map<PlatformFormat, UUID> takes(UUID versionId) {
        Map<PlatformFormat, UUID> made = new java.util.EnumMap<>(PlatformFormat.class);
        jdbc.sql("select format, asset_id from platform_version_takes where version_id = ?")
                .param(versionId)
                .query((rs, n) -> made.put(PlatformFormat.valueOf(rs.getString("format")), Rows.uuid(rs, "asset_id")))
                .list();
        return made;
    }

    void recordTake(UUID versionId, PlatformFormat format, UUID assetId) {
        jdbc.sql("insert into platform_version_takes (version_id, format, asset_id) values (?, ?, ?)")
                .params(versionId, format.name(), assetId)
                .update();
    }

    void finish(UUID id, String status, String failure) {
        jdbc.sql(
                        "update platform_versions set status = ?, failure = ?, finished_at = ? where id = ? and status = 'queued'")
                .params(status, failure, Rows.ts(Rows.now()), id)
                .update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        List<PlatformFormat> formats = new ArrayList<>();
        for (String name : Arrays.asList(rs.getString("formats").split(","))) {
            PlatformFormat.byApiName(name).ifPresent(formats::add);
        }
        return new Row(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "owner_id"),
                Rows.uuid(rs, "source_asset_id"),
                formats,
                new FocalPoint(rs.getDouble("focus_x"), rs.getDouble("focus_y")),
                rs.getString("status"),
                rs.getString("failure"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "finished_at"));
    }
}
