package app.kadr.sharing;

import app.kadr.shared.Rows;
import app.kadr.storyboard.Shot;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a shared project for its client. The queries name only the columns a client may see, so nothing
 * technical can slip through by a later change elsewhere.
 */
@Repository
class ClientStoryboard {

    /**
     * A shot's texts, its running time on the film (null in versions published before it was kept) and its
     * headliner's derivative files, when the headliner is ready.
     */
    record Row(
            UUID shotId,
            int number,
            String title,
            String description,
            @Nullable Long durationMs,
            @Nullable Files headliner) {}

    /** The re-encoded files of a headliner; never the original. */
    record Files(
            UUID assetId,
            String kind,
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable Long durationMs,
            String thumbKey,
            String previewKey,
            @Nullable String hoverKey) {

        @Nullable
        String keyOf(String variant) {
            return switch (variant) {
                case "thumb" -> thumbKey;
                case "preview" -> previewKey;
                case "hover" -> hoverKey;
                default -> null;
            };
        }
    }

    private static final String SHOTS = """
            select s.id, s.position, s.title, s.description, s.duration_ms, a.id as h_id, a.kind as h_kind,
              a.width as h_width, a.height as h_height, a.duration_ms as h_duration, a.thumb_key as h_thumb,
              a.preview_key as h_preview, a.hover_key as h_hover
            from shots s
            left join assets a on a.id = s.headliner_asset_id and a.deleted_at is null
              and a.media_status = 'ready'
            """;

    private final JdbcClient jdbc;

    ClientStoryboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose project it is: renditions for a live link are made from that person's originals. */
    UUID ownerOf(UUID projectId) {
        return jdbc.sql("select owner_id from projects where id = ?")
                .param(projectId)
                .query(UUID.class)
                .single();
    }

    ClientView.Project project(UUID projectId) {
        return jdbc.sql("select name, description, fps from projects where id = ?")
                .param(projectId)
                .query((rs, n) ->
                        new ClientView.Project(rs.getString("name"), rs.getString("description"), rs.getInt("fps")))
                .single();
    }

    /** A live shot's project and its headliner's files, for the owner to comment over; empty when it has none. */
    Optional<Row> liveShot(UUID shotId) {
        return jdbc.sql(SHOTS + " where s.id = ? and s.deleted_at is null")
                .param(shotId)
                .query(ClientStoryboard::row)
                .optional();
    }

    List<Row> shots(UUID projectId) {
        return jdbc.sql(SHOTS + " where s.project_id = ? and s.deleted_at is null order by s.position")
                .param(projectId)
                .query(ClientStoryboard::row)
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID assetId = Rows.uuid(rs, "h_id");
        String thumb = rs.getString("h_thumb");
        String preview = rs.getString("h_preview");
        Files files = assetId == null || thumb == null || preview == null
                ? null
                : new Files(
                        assetId,
                        rs.getString("h_kind"),
                        Rows.integer(rs, "h_width"),
                        Rows.integer(rs, "h_height"),
                        Rows.longValue(rs, "h_duration"),
                        thumb,
                        preview,
                        "video".equals(rs.getString("h_kind")) ? rs.getString("h_hover") : null);
        return new Row(
                Rows.uuid(rs, "id"),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                Shot.runningTime(
                        Rows.longValue(rs, "duration_ms"), rs.getString("h_kind"), Rows.longValue(rs, "h_duration")),
                files);
    }
}
