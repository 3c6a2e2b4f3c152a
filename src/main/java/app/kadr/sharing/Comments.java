package app.kadr.sharing;

import app.kadr.shared.Rows;
import app.kadr.shared.Timecode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Comments {

    /** The inbox shows at most this many; older comments stay on their shots' pages. */
    static final int INBOX_LIMIT = 500;

    /** What every reading of a comment takes besides its own fields: the frame rate its timecode is shown at. */
    private static final String MOMENT = """
            c.timecode_ms, c.mark_type, c.mark_points, c.asset_id, c.asset_kind, c.parent_id, c.by_owner,
              (select p.fps from projects p where p.id = c.project_id) as fps""";

    private static final String SELECT = """
            select c.id, c.shot_id, s.position, s.title, c.author_name, c.body, c.created_at, c.read_at, c.reply,
              c.replied_at, %s
            from comments c join shots s on s.id = c.shot_id
            """.formatted(MOMENT);

    /** What a link shows: its own comments and the owner's, which have no link. */
    private static final String OF_LINK = "(c.share_link_id = ? or (c.share_link_id is null and c.project_id = ?))";

    /** A comment as its link shows it, with the shot it belongs to and the thread it answers, if any. */
    record OfLink(UUID shotId, @Nullable UUID parentId, ClientView.ClientComment comment) {}

    /** A comment to write; {@code linkId} is null for the owner's own, {@code parentId} for a thread's start. */
    record NewComment(
            UUID id,
            @Nullable UUID linkId,
            UUID projectId,
            UUID shotId,
            @Nullable UUID versionId,
            @Nullable UUID parentId,
            String author,
            String body,
            boolean byOwner,
            @Nullable Long timecodeMs,
            @Nullable Annotation annotation,
            @Nullable UUID assetId,
            @Nullable String assetKind) {}

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a comment; the owner's own are read from the start, there is nothing for them to be told. */
    void insert(NewComment comment) {
        Annotation mark = comment.annotation();
        jdbc.sql("""
                        insert into comments (id, share_link_id, project_id, shot_id, share_version_id, parent_id,
                          author_name, body, by_owner, timecode_ms, mark_type, mark_points, asset_id, asset_kind,
                          created_at, read_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        comment.id(),
                        comment.linkId(),
                        comment.projectId(),
                        comment.shotId(),
                        comment.versionId(),
                        comment.parentId(),
                        comment.author(),
                        comment.body(),
                        comment.byOwner(),
                        comment.timecodeMs(),
                        mark == null ? null : mark.type(),
                        mark == null ? null : mark.pointsText(),
                        comment.assetId(),
                        comment.assetKind(),
                        Rows.ts(Rows.now()),
                        comment.byOwner() ? Rows.ts(Rows.now()) : null)
                .update();
    }

    /** The comments one link shows, oldest first: a conversation reads from the top. */
    List<OfLink> ofLink(UUID linkId, UUID projectId) {
        return jdbc.sql("select c.id, c.shot_id, c.author_name, c.body, c.created_at, c.reply, c.replied_at, "
                        + MOMENT + " from comments c where " + OF_LINK
                        + " and c.deleted_at is null order by c.created_at, c.id")
                .params(linkId, projectId)
                .query((rs, n) -> new OfLink(Rows.uuid(rs, "shot_id"), Rows.uuid(rs, "parent_id"), clientComment(rs)))
                .list();
    }

    /** The thread a comment starts or answers, when a link (or the owner, {@code linkId} null) may see it. */
    Optional<Thread> thread(UUID commentId, @Nullable UUID linkId, UUID projectId) {
        return jdbc.sql("select id, shot_id, parent_id, share_link_id, asset_id, asset_kind from comments c"
                        + " where c.id = ? and c.deleted_at is null and c.project_id = ?"
                        + (linkId == null ? "" : " and (c.share_link_id = ? or c.share_link_id is null)"))
                .params(linkId == null ? List.of(commentId, projectId) : List.of(commentId, projectId, linkId))
                .query((rs, n) -> {
                    UUID parent = Rows.uuid(rs, "parent_id");
                    return new Thread(
                            parent == null ? Rows.uuid(rs, "id") : parent,
                            Rows.uuid(rs, "shot_id"),
                            Rows.uuid(rs, "share_link_id"),
                            Rows.uuid(rs, "asset_id"),
                            rs.getString("asset_kind"));
                })
                .optional();
    }

    /** Where a reply goes: the thread's first comment, its shot, the link it came through, and its picture. */
    record Thread(
            UUID rootId,
            UUID shotId,
            @Nullable UUID linkId,
            @Nullable UUID assetId,
            @Nullable String assetKind) {}

    /**
     * What changes whenever the link's comments change as the client sees them: a new comment raises the count, a
     * reply moves {@code replied_at}, a deletion moves {@code deleted_at}. One aggregate that the link's index
     * ({@code comments_link_idx}, V7) answers alone, so a client's page may ask for it often.
     */
    String versionOfLink(UUID linkId, UUID projectId) {
        return jdbc.sql("""
                        select count(*) n, max(created_at) c, max(replied_at) r, max(deleted_at) d from comments c
                        where """ + OF_LINK)
                .params(linkId, projectId)
                .query((rs, n) -> rs.getLong("n") + "|" + rs.getTimestamp("c") + "|" + rs.getTimestamp("r") + "|"
                        + rs.getTimestamp("d"))
                .single();
    }

    static ClientView.ClientComment clientComment(ResultSet rs) throws SQLException {
        return new ClientView.ClientComment(
                Rows.uuid(rs, "id"),
                rs.getString("author_name"),
                rs.getString("body"),
                Rows.instant(rs, "created_at"),
                rs.getString("reply"),
                Rows.instant(rs, "replied_at"),
                rs.getBoolean("by_owner"),
                Rows.longValue(rs, "timecode_ms"),
                timecode(rs),
                Annotation.stored(rs.getString("mark_type"), rs.getString("mark_points")),
                new ArrayList<>());
    }

    /** The comment's time as an edit reads it, {@code 00:00:03:12} at the project's frame rate. */
    private static @Nullable String timecode(ResultSet rs) throws SQLException {
        Long ms = Rows.longValue(rs, "timecode_ms");
        return ms == null ? null : Timecode.smpte(ms, rs.getInt("fps"));
    }

    Optional<ClientView.ClientComment> clientComment(UUID id) {
        return jdbc.sql("select c.id, c.shot_id, c.author_name, c.body, c.created_at, c.reply, c.replied_at, " + MOMENT
                        + " from comments c where c.id = ?")
                .param(id)
                .query((rs, n) -> clientComment(rs))
                .optional();
    }

    /** The project's comments on live shots, newest first. */
    List<Comment> ofProject(UUID projectId, boolean unreadOnly) {
        return ofProject(projectId, unreadOnly, null);
    }

    /** The same, only those written on one published version when {@code versionId} is given. */
    List<Comment> ofProject(UUID projectId, boolean unreadOnly, @Nullable UUID versionId) {
        return ofProject(projectId, unreadOnly, versionId, null);
    }

    /**
     * The inbox's list. With {@code approval} ({@code approved}, {@code changes} or {@code none}), only comments on
     * shots with that client's answer: in the chosen version when {@code versionId} is given, otherwise the shot's
     * latest answer over all versions, the one its box on the storyboard marks.
     */
    List<Comment> ofProject(UUID projectId, boolean unreadOnly, @Nullable UUID versionId, @Nullable String approval) {
        List<Object> params = new ArrayList<>(List.of(projectId));
        if (versionId != null) {
            params.add(versionId);
        }
        String decision = "";
        if (approval != null) {
            decision = versionId == null ? LATEST_DECISION : VERSION_DECISION;
            if (versionId != null) {
                params.add(versionId);
            }
            params.add(approval);
        }
        return jdbc.sql(SELECT
                        + " where c.project_id = ? and c.deleted_at is null and s.deleted_at is null"
                        + (unreadOnly ? " and c.read_at is null" : "")
                        + (versionId == null ? "" : " and c.share_version_id = ?")
                        + decision
                        + " order by c.created_at desc, c.id desc limit " + INBOX_LIMIT)
                .params(params)
                .query(Comments::map)
                .list();
    }

    /** The client's answer on the comment's shot in one version, {@code none} without one. */
    private static final String VERSION_DECISION = " and " + """
            coalesce((select a.decision from share_approvals a where a.version_id = ? and a.shot_id = c.shot_id),
               'none') = ?""";

    /** The client's answer on the comment's shot in the newest version that has one, {@code none} without one. */
    private static final String LATEST_DECISION = " and " + """
            coalesce((select a.decision from share_approvals a join share_versions v on v.id = a.version_id
               where a.shot_id = c.shot_id order by v.number desc fetch first 1 rows only), 'none') = ?""";

    /** Unread comments on live shots of each of the given projects that has any, newest unread first. */
    java.util.LinkedHashMap<UUID, Integer> unreadByProject(List<UUID> projectIds) {
        java.util.LinkedHashMap<UUID, Integer> counts = new java.util.LinkedHashMap<>();
        if (projectIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select c.project_id, count(*) n, max(c.created_at) latest from comments c"
                        + " join shots s on s.id = c.shot_id"
                        + " where c.read_at is null and c.deleted_at is null and s.deleted_at is null"
                        + " and c.project_id in (:ids) group by c.project_id order by latest desc")
                .param("ids", projectIds)
                .query((rs, n) -> counts.put(Rows.uuid(rs, "project_id"), rs.getInt("n")))
                .list();
        return counts;
    }

    int unreadCount(UUID projectId) {
        return jdbc.sql("""
                        select count(*) from comments c join shots s on s.id = c.shot_id
                        where c.project_id = ? and c.deleted_at is null and c.read_at is null
                          and s.deleted_at is null""").param(projectId).query(Integer.class).single();
    }

    /** A shot's comments, oldest first. */
    List<Comment> ofShot(UUID shotId) {
        return jdbc.sql(SELECT + " where c.shot_id = ? and c.deleted_at is null order by c.created_at, c.id")
                .param(shotId)
                .query(Comments::map)
                .list();
    }

    Optional<Comment> byId(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ? and c.deleted_at is null")
                .param(id)
                .query(Comments::map)
                .optional();
    }

    void moveToProject(java.util.List<UUID> shotIds, UUID projectId) {
        if (!shotIds.isEmpty()) {
            jdbc.sql("update comments set project_id = :project where shot_id in (:shots)")
                    .param("project", projectId)
                    .param("shots", shotIds)
                    .update();
        }
    }

    Optional<UUID> projectOf(UUID commentId) {
        return jdbc.sql("select project_id from comments where id = ? and deleted_at is null")
                .param(commentId)
                .query(UUID.class)
                .optional();
    }

    void markRead(UUID id) {
        jdbc.sql("update comments set read_at = ? where id = ? and read_at is null")
                .params(Rows.ts(Rows.now()), id)
                .update();
    }

    int markAllRead(UUID projectId) {
        return jdbc.sql("update comments set read_at = ? where project_id = ? and read_at is null")
                .params(Rows.ts(Rows.now()), projectId)
                .update();
    }

    /** A reply is an answer: the owner has read what they answer. */
    void reply(UUID id, String text) {
        jdbc.sql("update comments set reply = ?, replied_at = ?, read_at = coalesce(read_at, ?) where id = ?")
                .params(text, Rows.ts(Rows.now()), Rows.ts(Rows.now()), id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("update comments set deleted_at = ? where id = ?")
                .params(Rows.ts(Rows.now()), id)
                .update();
    }

    private static Comment map(ResultSet rs, int n) throws SQLException {
        Integer position = Rows.integer(rs, "position");
        return new Comment(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "shot_id"),
                position == null ? 0 : position,
                rs.getString("title"),
                rs.getString("author_name"),
                rs.getString("body"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "read_at") != null,
                rs.getString("reply"),
                Rows.instant(rs, "replied_at"),
                Rows.uuid(rs, "parent_id"),
                rs.getBoolean("by_owner"),
                Rows.longValue(rs, "timecode_ms"),
                timecode(rs),
                Annotation.stored(rs.getString("mark_type"), rs.getString("mark_points")),
                Rows.uuid(rs, "asset_id"),
                rs.getString("asset_kind"));
    }
}
