package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clients' answers no digest has carried yet, and the digests with what each carried. */
@Repository
class Digests {

    static final String COMMENT = "comment";
    static final String APPROVAL = "approval";
    static final String PICK = "pick";

    /** A digest keeps this much of a comment's text. */
    static final int EXCERPT = 300;

    /**
     * One answer of a client: a comment ({@code refId} the comment), an approval or a pick ({@code refId} the
     * version), given at {@code at}. {@code detail} is the decision or the candidate's letter.
     */
    record Item(
            String kind,
            UUID refId,
            UUID shotId,
            Instant at,
            UUID projectId,
            @Nullable Integer version,
            @Nullable String author,
            @Nullable String excerpt,
            @Nullable String detail) {}

    record Digest(UUID id, UUID ownerId, int attempts) {}

    private static final String NOT_CARRIED = " and not exists (select 1 from client_digest_items d"
            + " where d.kind = '%s' and d.ref_id = %s and d.shot_id = %s and d.at = %s)";

    private final JdbcClient jdbc;

    Digests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The answers since {@code since} that no digest carried: comments the owner has not read yet (a read one needs
     * no mail), and approvals and picks as they stand (a changed answer is a new one).
     */
    List<Item> uncarried(Instant since) {
        List<Item> items = new ArrayList<>();
        items.addAll(jdbc.sql("""
                        select c.id, c.shot_id, c.created_at, c.project_id, c.share_version_id, c.author_name, c.body
                        from comments c
                        where c.by_owner = false and c.deleted_at is null and c.read_at is null and c.created_at > ?"""
                        + NOT_CARRIED.formatted(COMMENT, "c.id", "c.shot_id", "c.created_at")
                        + " order by c.created_at")
                .param(Rows.ts(since))
                .query((rs, n) -> new Item(
                        COMMENT,
                        Rows.uuid(rs, "id"),
                        Rows.uuid(rs, "shot_id"),
                        Rows.instant(rs, "created_at"),
                        Rows.uuid(rs, "project_id"),
                        null,
                        rs.getString("author_name"),
                        excerpt(rs.getString("body")),
                        null))
                .list());
        items.addAll(jdbc.sql("""
                        select a.version_id, a.shot_id, a.decided_at, v.project_id, v.number, a.decision, a.comment
                        from share_approvals a join share_versions v on v.id = a.version_id
                        where a.decided_at > ?"""
                        + NOT_CARRIED.formatted(APPROVAL, "a.version_id", "a.shot_id", "a.decided_at")
                        + " order by a.decided_at")
                .param(Rows.ts(since))
                .query((rs, n) ->
                        versioned(rs, APPROVAL, "decided_at", rs.getString("comment"), rs.getString("decision")))
                .list());
        items.addAll(jdbc.sql("""
                        select p.version_id, p.shot_id, p.picked_at, v.project_id, v.number, p.position, p.reason
                        from share_picks p join share_versions v on v.id = p.version_id
                        where p.picked_at > ?"""
                        + NOT_CARRIED.formatted(PICK, "p.version_id", "p.shot_id", "p.picked_at")
                        + " order by p.picked_at")
                .param(Rows.ts(since))
                .query((rs, n) -> versioned(
                        rs, PICK, "picked_at", rs.getString("reason"), ShotReview.letter(rs.getInt("position"))))
                .list());
        return items;
    }

    private static Item versioned(ResultSet rs, String kind, String at, @Nullable String text, String detail)
            throws SQLException {
        return new Item(
                kind,
                Rows.uuid(rs, "version_id"),
                Rows.uuid(rs, "shot_id"),
                Rows.instant(rs, at),
                Rows.uuid(rs, "project_id"),
                rs.getInt("number"),
                null,
                excerpt(text),
                detail);
    }

    private static @Nullable String excerpt(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1).strip() + "…";
    }

    /**
     * Writes a digest with the answers it carries. Runs in the caller's transaction: if another run claimed one of
     * the answers first, the primary key refuses it and the whole claim goes.
     */
    void claim(UUID digestId, UUID ownerId, List<Item> items) {
        jdbc.sql("insert into client_digests (id, owner_id, created_at) values (?, ?, ?)")
                .params(digestId, ownerId, Rows.ts(Rows.now()))
                .update();
        for (Item item : items) {
            jdbc.sql("""
                            insert into client_digest_items (kind, ref_id, shot_id, at, digest_id, project_id, version,
                              author, excerpt, detail)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            item.kind(),
                            item.refId(),
                            item.shotId(),
                            Rows.ts(item.at()),
                            digestId,
                            item.projectId(),
                            item.version(),
                            item.author(),
                            item.excerpt(),
                            item.detail())
                    .update();
        }
    }

    /** Digests not yet taken by the SMTP server, oldest first, that have tries left. */
    List<Digest> unsent(int maxAttempts) {
        return jdbc.sql("""
                        select id, owner_id, attempts from client_digests
                        where sent_at is null and attempts < ? order by created_at""")
                .param(maxAttempts)
                .query((rs, n) -> new Digest(Rows.uuid(rs, "id"), Rows.uuid(rs, "owner_id"), rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes a try at sending: counts it, and only if no one else took this try (two instances may run the job after
     * a failover), so one attempt is one send.
     */
    boolean takeAttempt(Digest digest) {
        return jdbc.sql(
                                "update client_digests set attempts = attempts + 1 where id = ? and sent_at is null and attempts = ?")
                        .params(digest.id(), digest.attempts())
                        .update()
                == 1;
    }

    void markSent(UUID digestId) {
        jdbc.sql("update client_digests set sent_at = ? where id = ?")
                .params(Rows.ts(Rows.now()), digestId)
                .update();
    }

    /** What a digest carries, in the order the answers were given. */
    List<Item> items(UUID digestId) {
        return jdbc.sql("""
                        select kind, ref_id, shot_id, at, project_id, version, author, excerpt, detail
                        from client_digest_items where digest_id = ? order by at, kind""")
                .param(digestId)
                .query((rs, n) -> new Item(
                        rs.getString("kind"),
                        Rows.uuid(rs, "ref_id"),
                        Rows.uuid(rs, "shot_id"),
                        Rows.instant(rs, "at"),
                        Rows.uuid(rs, "project_id"),
                        Rows.integer(rs, "version"),
                        rs.getString("author"),
                        rs.getString("excerpt"),
                        rs.getString("detail")))
                .list();
    }
}
