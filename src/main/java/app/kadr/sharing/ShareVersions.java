package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published versions of projects and the frozen shots of each. */
@Repository
class ShareVersions {

    /** A version as the sharing module keeps it. */
    record Version(UUID id, UUID projectId, int number, Instant publishedAt) {

        PublishedVersion published() {
            return new PublishedVersion(number, publishedAt);
        }
    }

    private static final String SELECT = "select id, project_id, number, published_at from share_versions";

    private final JdbcClient jdbc;

    ShareVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a version with its shots under the project's next number. */
    Version insert(UUID projectId, List<ClientStoryboard.Row> shots) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from share_versions where project_id = ?")
                .param(projectId)
                .query(Integer.class)
                .single();
        Version version = new Version(UUID.randomUUID(), projectId, number, Rows.now());
        jdbc.sql("insert into share_versions (id, project_id, number, published_at) values (?, ?, ?, ?)")
                .params(version.id(), projectId, number, Rows.ts(version.publishedAt()))
                .update();
        for (ClientStoryboard.Row shot : shots) {
            ClientStoryboard.Files h = shot.headliner();
            jdbc.sql("""
                            insert into share_version_shots (version_id, position, shot_id, title, description,
                              asset_id, kind, width, height, duration_ms, thumb_key, preview_key, hover_key)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            version.id(),
                            shot.number(),
                            shot.shotId(),
                            shot.title(),
                            shot.description(),
                            h == null ? null : h.assetId(),
                            h == null ? null : h.kind(),
                            h == null ? null : h.width(),
                            h == null ? null : h.height(),
                            h == null ? null : h.durationMs(),
                            h == null ? null : h.thumbKey(),
                            h == null ? null : h.previewKey(),
                            h == null ? null : h.hoverKey())
                    .update();
        }
        // The running times the owner set, read in one statement rather than carried by every row of the storyboard.
        jdbc.sql("""
                        update share_version_shots set shot_duration_ms =
                          (select s.duration_ms from shots s where s.id = share_version_shots.shot_id)
                        where version_id = ?""").param(version.id()).update();
        return version;
    }

    /** The running times the owner had set on a version's shots when it was published; a shot left out is automatic. */
    Map<UUID, Long> durations(UUID versionId) {
        return jdbc
                .sql("select shot_id, shot_duration_ms from share_version_shots where version_id = ?"
                        + " and shot_duration_ms is not null")
                .param(versionId)
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "shot_id"), rs.getLong("shot_duration_ms")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Version> byId(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(ShareVersions::map)
                .optional();
    }

    Optional<Version> byNumber(UUID projectId, int number) {
        return jdbc.sql(SELECT + " where project_id = ? and number = ?")
                .params(projectId, number)
                .query(ShareVersions::map)
                .optional();
    }

    /** The project's versions, newest first. */
    List<Version> ofProject(UUID projectId) {
        return jdbc.sql(SELECT + " where project_id = ? order by number desc")
                .param(projectId)
                .query(ShareVersions::map)
                .list();
    }

    List<ClientStoryboard.Row> shots(UUID versionId) {
        return jdbc.sql("""
                        select position, shot_id, title, description, asset_id, kind, width, height, duration_ms,
                          thumb_key, preview_key, hover_key
                        from share_version_shots where version_id = ? order by position""")
                .param(versionId)
                .query((rs, n) -> {
                    UUID assetId = Rows.uuid(rs, "asset_id");
                    ClientStoryboard.Files files = assetId == null
                            ? null
                            : new ClientStoryboard.Files(
                                    assetId,
                                    rs.getString("kind"),
                                    Rows.integer(rs, "width"),
                                    Rows.integer(rs, "height"),
                                    Rows.longValue(rs, "duration_ms"),
                                    rs.getString("thumb_key"),
                                    rs.getString("preview_key"),
                                    rs.getString("hover_key"));
                    return new ClientStoryboard.Row(
                            Rows.uuid(rs, "shot_id"),
                            rs.getInt("position"),
                            rs.getString("title"),
                            rs.getString("description"),
                            files);
                })
                .list();
    }

    /** The blobs among the candidates that a version still shows, so the storage sweep keeps them. */
    Set<String> keysAmong(Collection<String> candidateKeys) {
        return Set.of("thumb_key", "preview_key", "hover_key").stream()
                .flatMap(column -> jdbc
                        .sql("select " + column + " from share_version_shots where " + column + " in (:keys)")
                        .param("keys", candidateKeys)
                        .query(String.class)
                        .list()
                        .stream())
                .collect(Collectors.toSet());
    }

    private static Version map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "project_id"),
                rs.getInt("number"),
                Rows.instant(rs, "published_at"));
    }
}
