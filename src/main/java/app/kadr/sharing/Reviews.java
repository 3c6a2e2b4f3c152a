package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The candidates offered on shots, their snapshots in versions, and the client's approvals and picks. */
@Repository
class Reviews {

    /** A client's approval of a shot in a version. */
    record Approval(UUID shotId, String decision, @Nullable String comment, Instant decidedAt) {}

    /** A client's favourite among a shot's candidates in a version, by the candidate's place (1-based). */
    record Pick(UUID shotId, int position, @Nullable String reason, Instant pickedAt) {}

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The takes offered on a shot, in order. */
    List<UUID> candidates(UUID shotId) {
        return jdbc.sql("select asset_id from shot_candidates where shot_id = ? order by position")
                .param(shotId)
                .query(UUID.class)
                .list();
    }

    void setCandidates(UUID shotId, List<UUID> assetIds) {
        jdbc.sql("delete from shot_candidates where shot_id = ?").param(shotId).update();
        for (int i = 0; i < assetIds.size(); i++) {
            jdbc.sql("insert into shot_candidates (shot_id, position, asset_id) values (?, ?, ?)")
                    .params(shotId, i + 1, assetIds.get(i))
                    .update();
        }
    }

    /** The candidates of the given shots, by shot, in order. */
    Map<UUID, List<UUID>> candidatesOf(Collection<UUID> shotIds) {
        Map<UUID, List<UUID>> byShot = new LinkedHashMap<>();
        if (shotIds.isEmpty()) {
            return byShot;
        }
        jdbc.sql("select shot_id, asset_id from shot_candidates where shot_id in (:ids) order by shot_id, position")
                .param("ids", shotIds)
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "shot_id"), Rows.uuid(rs, "asset_id")))
                .list()
                .forEach(e -> byShot.computeIfAbsent(e.getKey(), id -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return byShot;
    }

    void insertVersionCandidates(UUID versionId, Map<UUID, List<ClientStoryboard.Files>> byShot) {
        byShot.forEach((shotId, files) -> {
            for (int i = 0; i < files.size(); i++) {
                ClientStoryboard.Files f = files.get(i);
                jdbc.sql("""
                                insert into share_version_candidates (version_id, shot_id, position, asset_id, kind,
                                  width, height, duration_ms, thumb_key, preview_key, hover_key)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                versionId,
                                shotId,
                                i + 1,
                                f.assetId(),
                                f.kind(),
                                f.width(),
                                f.height(),
                                f.durationMs(),
                                f.thumbKey(),
                                f.previewKey(),
                                f.hoverKey())
                        .update();
            }
        });
    }

    /** A version's candidates by shot, in order (the place in the list is the candidate's position - 1). */
    Map<UUID, List<ClientStoryboard.Files>> versionCandidates(UUID versionId) {
        Map<UUID, List<ClientStoryboard.Files>> byShot = new LinkedHashMap<>();
        jdbc.sql("""
                        select shot_id, asset_id, kind, width, height, duration_ms, thumb_key, preview_key, hover_key
                        from share_version_candidates where version_id = ? order by shot_id, position""")
                .param(versionId)
                .query((rs, n) -> Map.entry(
                        Rows.uuid(rs, "shot_id"),
                        new ClientStoryboard.Files(
                                Rows.uuid(rs, "asset_id"),
                                rs.getString("kind"),
                                Rows.integer(rs, "width"),
                                Rows.integer(rs, "height"),
                                Rows.longValue(rs, "duration_ms"),
                                rs.getString("thumb_key"),
                                rs.getString("preview_key"),
                                rs.getString("hover_key"))))
                .list()
                .forEach(e -> byShot.computeIfAbsent(e.getKey(), id -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return byShot;
    }

    /** The blobs among the candidates that a version's candidates still show, so the storage sweep keeps them. */
    Set<String> keysAmong(Collection<String> candidateKeys) {
        return Set.of("thumb_key", "preview_key", "hover_key").stream()
                .flatMap(column -> jdbc
                        .sql("select " + column + " from share_version_candidates where " + column + " in (:keys)")
                        .param("keys", candidateKeys)
                        .query(String.class)
                        .list()
                        .stream())
                .collect(Collectors.toSet());
    }

    /** Stores the answer, replacing an earlier one on the same shot of the same version. */
    void approve(UUID versionId, UUID shotId, UUID linkId, String decision, @Nullable String comment) {
        jdbc.sql("delete from share_approvals where version_id = ? and shot_id = ?")
                .params(versionId, shotId)
                .update();
        jdbc.sql("""
                        insert into share_approvals (version_id, shot_id, share_link_id, decision, comment, decided_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(versionId, shotId, linkId, decision, comment, Rows.ts(Rows.now()))
                .update();
    }

    void pick(UUID versionId, UUID shotId, UUID linkId, int position, @Nullable String reason) {
        jdbc.sql("delete from share_picks where version_id = ? and shot_id = ?")
                .params(versionId, shotId)
                .update();
        jdbc.sql("""
                        insert into share_picks (version_id, shot_id, share_link_id, position, reason, picked_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(versionId, shotId, linkId, position, reason, Rows.ts(Rows.now()))
                .update();
    }

    Map<UUID, Approval> approvals(UUID versionId) {
        return jdbc
                .sql("select shot_id, decision, comment, decided_at from share_approvals where version_id = ?")
                .param(versionId)
                .query(Reviews::approval)
                .list()
                .stream()
                .collect(Collectors.toMap(Approval::shotId, a -> a));
    }

    Map<UUID, Pick> picks(UUID versionId) {
        return jdbc
                .sql("select shot_id, position, reason, picked_at from share_picks where version_id = ?")
                .param(versionId)
                .query(Reviews::pick)
                .list()
                .stream()
                .collect(Collectors.toMap(Pick::shotId, p -> p));
    }

    /**
     * The latest approval of each shot of a project over all its versions, with that version's number: what the
     * storyboard marks on a box.
     */
    Map<UUID, Map.Entry<Integer, Approval>> latestApprovals(UUID projectId) {
        Map<UUID, Map.Entry<Integer, Approval>> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.shot_id, a.decision, a.comment, a.decided_at, v.number
                        from share_approvals a join share_versions v on v.id = a.version_id
                        where v.project_id = ? order by v.number, a.decided_at""")
                .param(projectId)
                .query((rs, n) -> Map.entry(rs.getInt("number"), approval(rs, n)))
                .list()
                .forEach(e -> latest.put(e.getValue().shotId(), e));
        return latest;
    }

    /** The versions that offered candidates on a shot or hold an answer on it. */
    Set<UUID> versionsAnswering(UUID shotId) {
        return new java.util.HashSet<>(
                jdbc.sql("""
                        select version_id from share_approvals where shot_id = ?
                        union select version_id from share_picks where shot_id = ?
                        union select version_id from share_version_candidates where shot_id = ?""").params(shotId, shotId, shotId).query(UUID.class).list());
    }

    /** What the statuses of a link's shots follow: the status on «approved» and on «changes», null to leave. */
    Map<String, @Nullable String> statusFollows(UUID linkId) {
        return jdbc.sql("select approved_status, changes_status from share_links where id = ?")
                .param(linkId)
                .query((rs, n) -> {
                    Map<String, @Nullable String> follows = new java.util.HashMap<>();
                    follows.put(ShotReview.APPROVED, rs.getString("approved_status"));
                    follows.put(ShotReview.CHANGES, rs.getString("changes_status"));
                    return follows;
                })
                .single();
    }

    void setStatusFollows(UUID linkId, @Nullable String approved, @Nullable String changes) {
        jdbc.sql("update share_links set approved_status = ?, changes_status = ? where id = ?")
                .params(approved, changes, linkId)
                .update();
    }

    private static Approval approval(ResultSet rs, int n) throws SQLException {
        return new Approval(
                Rows.uuid(rs, "shot_id"),
                rs.getString("decision"),
                rs.getString("comment"),
                Rows.instant(rs, "decided_at"));
    }

    private static Pick pick(ResultSet rs, int n) throws SQLException {
        return new Pick(
                Rows.uuid(rs, "shot_id"), rs.getInt("position"), rs.getString("reason"), Rows.instant(rs, "picked_at"));
    }
}
