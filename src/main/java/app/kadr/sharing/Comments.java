package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Comments {

    /** The inbox shows at most this many; older comments stay on their shots' pages. */
    static final int INBOX_LIMIT = 500;

    private static final String SELECT = """
            select c.id, c.shot_id, s.position, s.title, c.author_name, c.body, c.created_at, c.read_at, c.reply,
              c.replied_at
            from comments c join shots s on s.id = c.shot_id
            """;

    /** A comment as its link shows it, with the shot it belongs to. */
    record OfLink(UUID shotId, ClientView.ClientComment comment) {}

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID linkId, UUID projectId, UUID shotId, String author, String body) {
        jdbc.sql("""
                        insert into comments (id, share_link_id, project_id, shot_id, author_name, body, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, linkId, projectId, shotId, author, body, Rows.ts(Rows.now()))
                .update();
    }

    /** The comments made through one link, oldest first: a conversation reads from the top. */
    List<OfLink> ofLink(UUID linkId) {
        return jdbc.sql("""
                        select id, shot_id, author_name, body, created_at, reply, replied_at from comments
                        where share_link_id = ? and deleted_at is null order by created_at, id""")
                .param(linkId)
                .query((rs, n) -> new OfLink(Rows.uuid(rs, "shot_id"), clientComment(rs)))
                .list();
    }

    /**
     * What changes whenever the link's comments change as the client sees them: a new comment raises the count, a
     * reply moves {@code replied_at}, a deletion moves {@code deleted_at}. One aggregate that the link's index
     * ({@code comments_link_idx}, V7) answers alone, so a client's page may ask for it often.
     */
    String versionOfLink(UUID linkId) {
        return jdbc.sql("""
                        select count(*) n, max(created_at) c, max(replied_at) r, max(deleted_at) d from comments
                        where share_link_id = ?""")
                .param(linkId)
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
                Rows.instant(rs, "replied_at"));
    }

    Optional<ClientView.ClientComment> clientComment(UUID id) {
        return jdbc.sql("""
                        select id, shot_id, author_name, body, created_at, reply, replied_at from comments
                        where id = ?""").param(id).query((rs, n) -> clientComment(rs)).optional();
    }

    /** The project's comments on live shots, newest first. */
    List<Comment> ofProject(UUID projectId, boolean unreadOnly) {
        return jdbc.sql(SELECT
                        + " where c.project_id = ? and c.deleted_at is null and s.deleted_at is null"
                        + (unreadOnly ? " and c.read_at is null" : "")
                        + " order by c.created_at desc, c.id desc limit " + INBOX_LIMIT)
                .param(projectId)
                .query(Comments::map)
                .list();
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
                Rows.instant(rs, "replied_at"));
    }
}
