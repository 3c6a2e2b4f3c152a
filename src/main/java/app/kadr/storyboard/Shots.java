package app.kadr.storyboard;

import app.kadr.shared.AssetUrls;
import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Shots {

    /** One query for the whole storyboard: the grid of 150 shots must render in milliseconds. */
    private static final String SELECT = """
            select s.id, s.project_id, s.position, s.title, s.description, s.status, s.duration_ms,
              a.id as h_id, a.kind as h_kind, a.media_status as h_status, a.width as h_width, a.height as h_height,
              a.duration_ms as h_duration, a.thumbhash as h_thumbhash, a.original_key as h_original,
              a.thumb_key as h_thumb, a.preview_key as h_preview, a.poster_key as h_poster, a.hover_key as h_hover,
              (select count(*) from assets x where x.shot_id = s.id and x.deleted_at is null
                 and x.kind <> 'mask') as asset_count,
              (select count(*) from comments c where c.shot_id = s.id and c.deleted_at is null) as comment_count,
              (select count(*) from comments c where c.shot_id = s.id and c.deleted_at is null
                 and c.read_at is null) as unread_count
            from shots s
            left join assets a on a.id = s.headliner_asset_id and a.deleted_at is null
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Shots(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<Shot> ofProject(UUID projectId) {
        return jdbc.sql(SELECT + " where s.project_id = ? and s.deleted_at is null order by s.position")
                .param(projectId)
                .query(Shots::map)
                .list();
    }

    Optional<Shot> byId(UUID shotId) {
        return jdbc.sql(SELECT + " where s.id = ?")
                .param(shotId)
                .query(Shots::map)
                .optional();
    }

    List<UUID> liveIds(UUID projectId) {
        return jdbc.sql("select id from shots where project_id = ? and deleted_at is null order by position")
                .param(projectId)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the project's order lock and bumps its version. Every change of order goes through here first,
     * so two tabs editing one storyboard are serialised by the database.
     *
     * @return the new version, or empty if {@code expectedVersion} was given and is stale
     */
    Optional<Long> bumpOrderVersion(UUID projectId, @Nullable Long expectedVersion) {
        int changed = expectedVersion == null
                ? jdbc.sql(
                                "update projects set shot_order_version = shot_order_version + 1, updated_at = ? where id = ?")
                        .params(Rows.ts(Rows.now()), projectId)
                        .update()
                : jdbc.sql("""
                                update projects set shot_order_version = shot_order_version + 1, updated_at = ?
                                where id = ? and shot_order_version = ?""")
                        .params(Rows.ts(Rows.now()), projectId, expectedVersion)
                        .update();
        return changed == 0 ? Optional.empty() : Optional.of(orderVersion(projectId));
    }

    long orderVersion(UUID projectId) {
        return jdbc.sql("select shot_order_version from projects where id = ?")
                .param(projectId)
                .query(Long.class)
                .single();
    }

    int liveCount(UUID projectId) {
        return jdbc.sql("select count(*) from shots where project_id = ? and deleted_at is null")
                .param(projectId)
                .query(Integer.class)
                .single();
    }

    /** Makes room at {@code position} by moving it and everything after it one place down. */
    void openGapAt(UUID projectId, int position) {
        jdbc.sql(
                        "update shots set position = position + 1 where project_id = ? and deleted_at is null and position >= ?")
                .params(projectId, position)
                .update();
    }

    void closeGapAt(UUID projectId, int position) {
        jdbc.sql(
                        "update shots set position = position - 1 where project_id = ? and deleted_at is null and position > ?")
                .params(projectId, position)
                .update();
    }

    void insert(UUID id, UUID projectId, int position, String title, String description, ShotStatus status) {
        Instant now = Rows.now();
        jdbc.sql("""
                        insert into shots (id, project_id, position, title, description, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, projectId, position, title, description, status.apiName(), Rows.ts(now), Rows.ts(now))
                .update();
    }

    /** Hands the shots to another project; their positions are set next, by {@link #setPositions}. */
    void moveToProject(List<UUID> shotIds, UUID projectId) {
        batch.batchUpdate(
                "update shots set project_id = ?, updated_at = ? where id = ?",
                shotIds,
                shotIds.size(),
                (statement, id) -> {
                    statement.setObject(1, projectId);
                    statement.setObject(2, Rows.ts(Rows.now()));
                    statement.setObject(3, id);
                });
    }

    void setPositions(List<UUID> orderedIds) {
        batch.batchUpdate(
                "update shots set position = ? where id = ?", orderedIds, orderedIds.size(), (statement, id) -> {
                    statement.setInt(1, orderedIds.indexOf(id) + 1);
                    statement.setObject(2, id);
                });
    }

    void update(
            UUID shotId,
            String title,
            String description,
            ShotStatus status,
            @Nullable UUID headlinerId,
            @Nullable Long durationMs) {
        jdbc.sql("""
                        update shots set title = ?, description = ?, status = ?, headliner_asset_id = ?, duration_ms = ?,
                          updated_at = ?
                        where id = ?""")
                .params(title, description, status.apiName(), headlinerId, durationMs, Rows.ts(Rows.now()), shotId)
                .update();
    }

    @Nullable
    UUID headlinerId(UUID shotId) {
        return jdbc.sql("select headliner_asset_id from shots where id = ?")
                .param(shotId)
                .query((rs, n) -> Optional.ofNullable(Rows.uuid(rs, "headliner_asset_id")))
                .single()
                .orElse(null);
    }

    boolean isLiveAssetOf(UUID assetId, UUID shotId) {
        return jdbc.sql(
                                "select count(*) from assets where id = ? and shot_id = ? and deleted_at is null and kind <> 'mask'")
                        .params(assetId, shotId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean isSound(UUID assetId) {
        return jdbc.sql("select count(*) from assets where id = ? and kind = 'audio'")
                        .param(assetId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The live shot at a 1-based position of a project, if there is one. */
    Optional<UUID> atPosition(UUID projectId, int position) {
        return jdbc.sql("select id from shots where project_id = ? and position = ? and deleted_at is null")
                .params(projectId, position)
                .query(UUID.class)
                .optional();
    }

    int positionOf(UUID shotId) {
        return jdbc.sql("select position from shots where id = ?")
                .param(shotId)
                .query(Integer.class)
                .single();
    }

    /** Trashes a shot, remembering where it stood so that {@link #formerPlace} can put it back there. */
    void moveToTrash(UUID shotId, int position, Neighbours around) {
        jdbc.sql("""
                        update shots set deleted_at = ?, position = null, trashed_position = ?, trashed_after = ?,
                          trashed_before = ? where id = ?""")
                .params(Rows.ts(Rows.now()), position, around.previous(), around.next(), shotId)
                .update();
    }

    /** Where a trashed shot stood: its number then and its neighbours (all null for shots trashed before V30). */
    FormerPlace formerPlace(UUID shotId) {
        return jdbc.sql("select trashed_position, trashed_after, trashed_before from shots where id = ?")
                .param(shotId)
                .query((rs, n) -> new FormerPlace(
                        Rows.integer(rs, "trashed_position"),
                        new Neighbours(Rows.uuid(rs, "trashed_after"), Rows.uuid(rs, "trashed_before"))))
                .single();
    }

    /** The 1-based position of a shot if it is live in the project. */
    Optional<Integer> livePosition(UUID shotId, UUID projectId) {
        return jdbc.sql("select position from shots where id = ? and project_id = ? and deleted_at is null")
                .params(shotId, projectId)
                .query(Integer.class)
                .optional();
    }

    /** The titles of all the project's shots, trashed ones too (they may come back). */
    Set<String> titles(UUID projectId) {
        return new HashSet<>(jdbc.sql("select title from shots where project_id = ?")
                .param(projectId)
                .query(String.class)
                .list());
    }

    void setStatus(List<UUID> shotIds, ShotStatus status) {
        Instant now = Rows.now();
        batch.batchUpdate(
                "update shots set status = ?, updated_at = ? where id = ?",
                shotIds,
                shotIds.size(),
                (statement, id) -> {
                    statement.setString(1, status.apiName());
                    statement.setObject(2, Rows.ts(now));
                    statement.setObject(3, id);
                });
    }

    void restoreAt(UUID shotId, int position) {
        jdbc.sql("update shots set deleted_at = null, position = ? where id = ?")
                .params(position, shotId)
                .update();
    }

    /** Live shots of the owner's live projects, by project then storyboard order. */
    List<ShotPlace> places(UUID ownerId) {
        return jdbc.sql("""
                        select s.id, s.project_id, s.position, s.title, s.headliner_asset_id
                        from shots s join projects p on p.id = s.project_id
                        where p.owner_id = ? and p.deleted_at is null and s.deleted_at is null
                        order by s.project_id, s.position""")
                .param(ownerId)
                .query((rs, n) -> {
                    Integer position = Rows.integer(rs, "position");
                    return new ShotPlace(
                            Rows.uuid(rs, "id"),
                            Rows.uuid(rs, "project_id"),
                            position == null ? 0 : position,
                            rs.getString("title"),
                            Rows.uuid(rs, "headliner_asset_id"));
                })
                .list();
    }

    /** Trashed shots of the owner's live projects, newest first. */
    List<TrashedShot> trashed(UUID ownerId) {
        return jdbc.sql("""
                        select s.id, s.title, s.deleted_at, p.id as project_id, p.name as project_name
                        from shots s join projects p on p.id = s.project_id
                        where p.owner_id = ? and p.deleted_at is null and s.deleted_at is not null
                        order by s.deleted_at desc""")
                .param(ownerId)
                .query((rs, n) -> new TrashedShot(
                        Rows.uuid(rs, "id"),
                        rs.getString("title"),
                        Rows.uuid(rs, "project_id"),
                        rs.getString("project_name"),
                        Rows.instant(rs, "deleted_at")))
                .list();
    }

    private static Shot map(ResultSet rs, int row) throws SQLException {
        Integer position = Rows.integer(rs, "position");
        Headliner headliner = headliner(rs);
        Long duration = Rows.longValue(rs, "duration_ms");
        return new Shot(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "project_id"),
                position == null ? 0 : position,
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("status"),
                headliner,
                rs.getLong("asset_count"),
                rs.getLong("comment_count"),
                rs.getLong("unread_count"),
                duration == null ? Shot.automaticDuration(headliner) : duration,
                duration == null);
    }

    private static @Nullable Headliner headliner(ResultSet rs) throws SQLException {
        UUID id = Rows.uuid(rs, "h_id");
        if (id == null) {
            return null;
        }
        return new Headliner(
                id,
                rs.getString("h_kind"),
                rs.getString("h_status"),
                Rows.integer(rs, "h_width"),
                Rows.integer(rs, "h_height"),
                Rows.longValue(rs, "h_duration"),
                rs.getString("h_thumbhash"),
                AssetUrls.all(
                        id,
                        rs.getString("h_original"),
                        rs.getString("h_thumb"),
                        rs.getString("h_preview"),
                        rs.getString("h_poster"),
                        rs.getString("h_hover")));
    }
}
