package app.kadr.sharing;

import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ShareLinks {

    /** What a row of the list needs, shared by the owner's list and the lookup after creation. */
    private static final String SELECT = """
            select l.id, l.token, l.password_hash, l.allow_comments, l.expires_at, l.created_at, l.mode,
              v.number as version_number, v.published_at as version_published_at
            from share_links l left join share_versions v on v.id = l.version_id""";

    private final JdbcClient jdbc;

    ShareLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID projectId,
            String token,
            String secret,
            @Nullable String passwordHash,
            boolean allowComments,
            @Nullable Instant expiresAt,
            @Nullable UUID versionId) {
        jdbc.sql("""
                        insert into share_links (id, project_id, token, secret, password_hash, allow_comments,
                          expires_at, created_at, mode, version_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        projectId,
                        token,
                        secret,
                        passwordHash,
                        allowComments,
                        Rows.ts(expiresAt),
                        Rows.ts(Rows.now()),
                        versionId == null ? ShareLink.LIVE : ShareLink.VERSION,
                        versionId)
                .update();
    }

    /** Points a link at a published version, or at the live storyboard when {@code versionId} is null. */
    void show(UUID linkId, @Nullable UUID versionId) {
        jdbc.sql("update share_links set mode = ?, version_id = ? where id = ?")
                .params(versionId == null ? ShareLink.LIVE : ShareLink.VERSION, versionId, linkId)
                .update();
    }

    /** The project's links that were not revoked, newest first. */
    List<ShareLink> ofProject(UUID projectId, String baseUrl) {
        return jdbc.sql(SELECT + " where l.project_id = ? and l.revoked_at is null order by l.created_at desc")
                .param(projectId)
                .query((rs, n) -> map(rs, baseUrl))
                .list();
    }

    Optional<ShareLink> byId(UUID id, String baseUrl) {
        return jdbc.sql(SELECT + " where l.id = ?")
                .param(id)
                .query((rs, n) -> map(rs, baseUrl))
                .optional();
    }

    Optional<UUID> projectOf(UUID linkId) {
        return jdbc.sql("select project_id from share_links where id = ? and revoked_at is null")
                .param(linkId)
                .query(UUID.class)
                .optional();
    }

    void revoke(UUID linkId) {
        jdbc.sql("update share_links set revoked_at = ? where id = ? and revoked_at is null")
                .params(Rows.ts(Rows.now()), linkId)
                .update();
    }

    /** The link behind a token, if it works now: not revoked, not expired, its project not in the trash. */
    Optional<OpenLink> open(String token) {
        return jdbc.sql("""
                        select l.id, l.project_id, l.token, l.secret, l.password_hash, l.allow_comments, l.mode, l.version_id
                        from share_links l join projects p on p.id = l.project_id
                        where l.token = ? and l.revoked_at is null and p.deleted_at is null
                          and (l.expires_at is null or l.expires_at > ?)""")
                .params(token, Rows.ts(Rows.now()))
                .query((rs, n) -> new OpenLink(
                        Rows.uuid(rs, "id"),
                        Rows.uuid(rs, "project_id"),
                        rs.getString("token"),
                        rs.getString("secret"),
                        rs.getString("password_hash"),
                        rs.getBoolean("allow_comments"),
                        ShareLink.VERSION.equals(rs.getString("mode")) ? Rows.uuid(rs, "version_id") : null))
                .optional();
    }

    private static ShareLink map(java.sql.ResultSet rs, String baseUrl) throws java.sql.SQLException {
        Instant expiresAt = Rows.instant(rs, "expires_at");
        String token = rs.getString("token");
        return new ShareLink(
                Rows.uuid(rs, "id"),
                token,
                baseUrl + "/s/" + token,
                expiresAt,
                rs.getBoolean("allow_comments"),
                rs.getString("password_hash") != null,
                expiresAt != null && !expiresAt.isAfter(Rows.now()),
                Rows.instant(rs, "created_at"),
                rs.getString("mode"),
                ShareLink.VERSION.equals(rs.getString("mode"))
                        ? new PublishedVersion(rs.getInt("version_number"), Rows.instant(rs, "version_published_at"))
                        : null);
    }
}
