package app.kadr.project;

import app.kadr.shared.Cursor;
import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Projects {

    private static final String SUMMARY = """
            select p.id, p.name, p.description, p.created_at, p.updated_at, p.fps, p.aspect_ratio,
              (select count(*) from shots s where s.project_id = p.id and s.deleted_at is null) as shot_count,
              (select coalesce(sum(coalesce(s.duration_ms,
                   case when h.kind = 'video' and h.duration_ms > 0 and h.deleted_at is null then h.duration_ms end,
                   3000)), 0)
                 from shots s left join assets h on h.id = s.headliner_asset_id
                 where s.project_id = p.id and s.deleted_at is null) as runtime_ms,
              (select count(*) from assets a join shots s on s.id = a.shot_id
                where s.project_id = p.id and s.deleted_at is null and a.deleted_at is null
                  and a.kind <> 'mask') as asset_count
            from projects p
            """;

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID ownerId, String name, String description, Instant now) {
        jdbc.sql("""
                        insert into projects (id, owner_id, name, description, shot_order_version, created_at, updated_at)
                        values (?, ?, ?, ?, 0, ?, ?)""")
                .params(id, ownerId, name, description, Rows.ts(now), Rows.ts(now))
                .update();
    }

    List<ProjectSummary> live(UUID ownerId, @Nullable Cursor after, int limit) {
        String page = after == null ? "" : " and (p.created_at < ? or (p.created_at = ? and p.id < ?))";
        var statement = jdbc.sql(SUMMARY + " where p.owner_id = ? and p.deleted_at is null" + page
                        + " order by p.created_at desc, p.id desc limit " + limit)
                .param(ownerId);
        if (after != null) {
            statement = statement
                    .param(Rows.ts(after.at()))
                    .param(Rows.ts(after.at()))
                    .param(after.id());
        }
        List<Row> rows = statement.query(Projects::row).list();
        return withCovers(rows);
    }

    Optional<ProjectSummary> summary(UUID projectId) {
        return withCovers(jdbc.sql(SUMMARY + " where p.id = ?")
                        .param(projectId)
                        .query(Projects::row)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<ProjectHeader> header(UUID projectId) {
        return jdbc.sql("select id, name, description, fps, aspect_ratio from projects where id = ?")
                .param(projectId)
                .query((rs, n) -> new ProjectHeader(
                        Rows.uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("fps"),
                        rs.getString("aspect_ratio")))
                .optional();
    }

    /** Names of the owner's live projects, alphabetically: a lean list for pickers and labels, without counts. */
    List<ProjectName> names(UUID ownerId) {
        return jdbc.sql("select id, name from projects where owner_id = ? and deleted_at is null order by name, id")
                .param(ownerId)
                .query((rs, n) -> new ProjectName(Rows.uuid(rs, "id"), rs.getString("name")))
                .list();
    }

    List<ProjectSummary> trashed(UUID ownerId) {
        return withCovers(
                jdbc.sql(SUMMARY + " where p.owner_id = ? and p.deleted_at is not null" + " order by p.deleted_at desc")
                        .param(ownerId)
                        .query(Projects::row)
                        .list());
    }

    void update(UUID projectId, String name, String description, ProjectFormat format, Instant now) {
        jdbc.sql("""
                        update projects set name = ?, description = ?, fps = ?, aspect_ratio = ?, updated_at = ?
                        where id = ?""")
                .params(name, description, format.fps(), format.aspectRatio(), Rows.ts(now), projectId)
                .update();
    }

    void setDeleted(UUID projectId, @Nullable Instant deletedAt) {
        jdbc.sql("update projects set deleted_at = ? where id = ?")
                .params(Rows.ts(deletedAt), projectId)
                .update();
    }

    private record Row(
            UUID id,
            String name,
            String description,
            long shots,
            long assets,
            Instant created,
            Instant updated,
            ProjectFormat format,
            long runtimeMs) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                Rows.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("shot_count"),
                rs.getLong("asset_count"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                new ProjectFormat(rs.getInt("fps"), rs.getString("aspect_ratio")),
                rs.getLong("runtime_ms"));
    }

    /** The cover is the headliner of the first shot, in storyboard order, that has one. */
    private List<ProjectSummary> withCovers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProjectSummary.Cover> covers = new HashMap<>();
        String ids = String.join(",", rows.stream().map(r -> "?").toList());
        jdbc.sql("""
                        select s.project_id, a.id, a.kind, a.thumbhash from shots s
                        join assets a on a.id = s.headliner_asset_id
                        where s.deleted_at is null and a.deleted_at is null and s.project_id in (%s)
                        order by s.project_id, s.position""".formatted(ids))
                .params(rows.stream().map(Row::id).toList())
                .query((rs, n) -> {
                    UUID assetId = Rows.uuid(rs, "id");
                    covers.putIfAbsent(
                            Rows.uuid(rs, "project_id"),
                            new ProjectSummary.Cover(
                                    assetId,
                                    rs.getString("kind"),
                                    "/api/v1/assets/" + assetId + "/content/thumb",
                                    rs.getString("thumbhash")));
                    return assetId;
                })
                .list();
        return rows.stream()
                .map(r -> new ProjectSummary(
                        r.id(),
                        r.name(),
                        r.description(),
                        r.shots(),
                        r.assets(),
                        covers.get(r.id()),
                        r.created(),
                        r.updated(),
                        r.format().fps(),
                        r.format().aspectRatio(),
                        r.runtimeMs()))
                .toList();
    }
}
