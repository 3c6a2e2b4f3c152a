package app.kadr.asset;

import app.kadr.shared.AssetUrls;
import app.kadr.shared.Cursor;
import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Assets {

    private final JdbcClient jdbc;

    Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AssetRow row) {
        jdbc.sql("""
                        insert into assets (id, shot_id, kind, origin, media_status, mime_type, bytes, original_name,
                          original_key, starred, created_at, generation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.id(),
                        row.shotId(),
                        row.kind(),
                        row.origin(),
                        row.mediaStatus(),
                        row.mimeType(),
                        row.bytes(),
                        row.originalName(),
                        row.originalKey(),
                        row.starred(),
                        Rows.ts(row.createdAt()),
                        row.generationId())
                .update();
    }

    /**
     * A mask drawn over an image take, ready at once: its file is a small black-and-white PNG of the image's size,
     * which serves as its own thumbnail and preview, so no processing job is needed before a generation uses it.
     */
    void insertMask(AssetRow row, UUID sourceId) {
        insert(row);
        jdbc.sql("""
                        update assets set mask_of = ?, width = ?, height = ?, thumb_key = original_key,
                          preview_key = original_key where id = ?""").params(sourceId, row.width(), row.height(), row.id()).update();
    }

    /** The image a mask was drawn over, or empty for any other asset. */
    Optional<UUID> maskOf(UUID id) {
        return jdbc.sql("select mask_of from assets where id = ? and kind = 'mask'")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(Rows.uuid(rs, "mask_of")))
                .optional()
                .flatMap(found -> found);
    }

    Optional<AssetRow> byId(UUID id) {
        return jdbc.sql("select * from assets where id = ?")
                .param(id)
                .query(Assets::map)
                .optional();
    }

    /** Live assets of a shot, newest first, optionally of one kind, one page after the cursor. */
    List<AssetRow> feed(UUID shotId, @Nullable String kind, @Nullable Cursor after, int limit) {
        return feed(shotId, kind, after, limit, false);
    }

    /**
     * The same, oldest first when asked (the box's «сначала старые»); the cursor then counts forward in time.
     */
    List<AssetRow> feed(UUID shotId, @Nullable String kind, @Nullable Cursor after, int limit, boolean oldestFirst) {
        return feed(shotId, kind, null, after, limit, oldestFirst);
    }

    /** The box's «★» filter, given where a kind goes: the starred takes of every kind. */
    static final String FAVOURITES = "favourite";

    /** The same, only the takes of the given generations when they are given (the box's «Устарело» filter). */
    List<AssetRow> feed(
            UUID shotId,
            @Nullable String kind,
            java.util.@Nullable Collection<UUID> generations,
            @Nullable Cursor after,
            int limit,
            boolean oldestFirst) {
        StringBuilder sql = new StringBuilder("select * from assets where shot_id = ? and deleted_at is null");
        var params = new java.util.ArrayList<Object>(List.of(shotId));
        if (generations != null) {
            if (generations.isEmpty()) {
                return List.of();
            }
            sql.append(" and generation_id in (")
                    .append(String.join(",", java.util.Collections.nCopies(generations.size(), "?")))
                    .append(")");
            params.addAll(generations);
        }
        if (FAVOURITES.equals(kind)) {
            sql.append(" and starred = true and kind <> 'mask'");
        } else if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind);
        } else {
            // Masks belong to the image they were drawn on, not to the feed; provenance and the passport show them.
            sql.append(" and kind <> 'mask'");
        }
        if (after != null) {
            String past = oldestFirst ? ">" : "<";
            sql.append(" and (created_at %s ? or (created_at = ? and id %s ?))".formatted(past, past));
            params.addAll(List.of(Rows.ts(after.at()), Rows.ts(after.at()), after.id()));
        }
        String direction = oldestFirst ? "asc" : "desc";
        sql.append(" order by created_at %s, id %s limit %d".formatted(direction, direction, limit));
        return jdbc.sql(sql.toString()).params(params).query(Assets::map).list();
    }

    /**
     * Every take the shot ever had, trashed ones too, in the order they were made: «Дубль N» is the place in this
     * list, so a take keeps its number when an earlier one goes to the trash.
     */
    List<UUID> takeOrder(UUID shotId) {
        return jdbc.sql("select id from assets where shot_id = ? and kind <> 'mask' order by created_at, id")
                .param(shotId)
                .query(UUID.class)
                .list();
    }

    /**
     * Keeps the model, provider and prompt of the generation that made a take on the take, for the gallery's filters
     * and search; the generation module hands them over with the file.
     */
    void recordGeneration(UUID id, AssetService.MadeBy madeBy) {
        jdbc.sql("update assets set model_id = ?, provider_id = ?, prompt = ? where id = ?")
                .params(madeBy.modelId(), madeBy.providerId(), madeBy.prompt(), id)
                .update();
    }

    /**
     * A new take in another shot with the same files as the source: the blobs are shared, not copied. That is safe
     * because nothing deletes a take's blob while any row names it (the storage sweep asks {@link AssetBlobOwners},
     * which looks at every row, trashed ones too). The copy is a new take: not a favourite, dated now.
     */
    void insertCopy(UUID sourceId, UUID copyId, UUID shotId, String mediaStatus) {
        jdbc.sql("""
                        insert into assets (id, shot_id, kind, origin, media_status, broken_reason, mime_type, bytes,
                          width, height, duration_ms, thumbhash, original_name, original_key, thumb_key, preview_key,
                          poster_key, hover_key, starred, created_at, generation_id, model_id, provider_id, prompt)
                        select ?, ?, kind, origin, ?, broken_reason, mime_type, bytes,
                          width, height, duration_ms, thumbhash, original_name, original_key, thumb_key, preview_key,
                          poster_key, hover_key, false, ?, generation_id, model_id, provider_id, prompt
                        from assets where id = ?""")
                .params(copyId, shotId, mediaStatus, Rows.ts(Rows.now()), sourceId)
                .update();
    }

    void moveTo(UUID id, UUID shotId) {
        jdbc.sql("update assets set shot_id = ? where id = ?")
                .params(shotId, id)
                .update();
    }

    void setStarred(UUID id, boolean starred) {
        jdbc.sql("update assets set starred = ? where id = ?")
                .params(starred, id)
                .update();
    }

    void setDeleted(UUID id, boolean deleted) {
        jdbc.sql("update assets set deleted_at = ? where id = ?")
                .params(deleted ? Rows.ts(Rows.now()) : null, id)
                .update();
    }

    void markProcessing(UUID id) {
        jdbc.sql("update assets set media_status = 'processing', broken_reason = null where id = ?")
                .param(id)
                .update();
    }

    /**
     * Records finished derivatives, unless another run already did: processing may run twice after a
     * crash, and only one set of files may win.
     */
    boolean markReady(UUID id, Derivatives files) {
        return jdbc.sql("""
                                update assets set media_status = 'ready', broken_reason = null, width = ?, height = ?,
                                  duration_ms = ?, thumbhash = ?, thumb_key = ?, preview_key = ?, poster_key = ?, hover_key = ?
                                where id = ? and media_status = 'processing'""")
                        .params(
                                files.width(),
                                files.height(),
                                files.durationMs(),
                                files.thumbhash(),
                                files.thumbKey(),
                                files.previewKey(),
                                files.posterKey(),
                                files.hoverKey(),
                                id)
                        .update()
                > 0;
    }

    void markBroken(UUID id, String reason) {
        jdbc.sql("update assets set media_status = 'broken', broken_reason = ? where id = ?")
                .params(reason.length() > 500 ? reason.substring(0, 500) : reason, id)
                .update();
    }

    /** Assets of a project's live shots whose files are missing or broken: the ones repair should rebuild. */
    List<AssetRow> ofProject(UUID projectId) {
        return jdbc.sql("""
                        select a.* from assets a join shots s on s.id = a.shot_id
                        where s.project_id = ? and s.deleted_at is null and a.deleted_at is null""").param(projectId).query(Assets::map).list();
    }

    List<TrashedAsset> trashed(UUID ownerId) {
        return jdbc.sql("""
                        select a.id, a.kind, a.original_name, a.thumb_key, a.deleted_at, s.id as shot_id,
                          s.title as shot_title, p.name as project_name
                        from assets a join shots s on s.id = a.shot_id join projects p on p.id = s.project_id
                        where p.owner_id = ? and p.deleted_at is null and s.deleted_at is null
                          and a.deleted_at is not null
                        order by a.deleted_at desc""")
                .param(ownerId)
                .query((rs, n) -> {
                    UUID id = Rows.uuid(rs, "id");
                    String thumb = rs.getString("thumb_key");
                    return new TrashedAsset(
                            id,
                            rs.getString("kind"),
                            rs.getString("original_name"),
                            thumb == null ? null : AssetUrls.of(id, "thumb", thumb),
                            Rows.uuid(rs, "shot_id"),
                            rs.getString("shot_title"),
                            rs.getString("project_name"),
                            Rows.instant(rs, "deleted_at"));
                })
                .list();
    }

    static AssetRow map(ResultSet rs, int n) throws SQLException {
        return new AssetRow(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "shot_id"),
                rs.getString("kind"),
                rs.getString("origin"),
                rs.getString("media_status"),
                rs.getString("broken_reason"),
                rs.getString("mime_type"),
                rs.getLong("bytes"),
                Rows.integer(rs, "width"),
                Rows.integer(rs, "height"),
                Rows.longValue(rs, "duration_ms"),
                rs.getString("thumbhash"),
                rs.getString("original_name"),
                rs.getString("original_key"),
                rs.getString("thumb_key"),
                rs.getString("preview_key"),
                rs.getString("poster_key"),
                rs.getString("hover_key"),
                rs.getBoolean("starred"),
                Rows.instant(rs, "created_at"),
                Rows.uuid(rs, "generation_id"));
    }
}
