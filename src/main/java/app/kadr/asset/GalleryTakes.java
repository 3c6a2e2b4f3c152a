package app.kadr.asset;

import app.kadr.shared.Cursor;
import app.kadr.shared.Rows;
import java.sql.DatabaseMetaData;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The gallery's one query: live takes of the given shots, newest first, one keyset page at a time. It reads only
 * the asset module's table; which shots are the person's comes from the storyboard module.
 *
 * <p>Prompt words: on PostgreSQL a Russian full-text match on the indexed {@code prompt_search} column (stemmed,
 * so «лиса» also finds «лисы»); on H2, which has no stemming, every word must occur in the prompt as a
 * case-insensitive substring («лис» finds «лисы», «лиса» does not).
 */
@Repository
class GalleryTakes {

    private final JdbcClient jdbc;
    private final boolean fullText;

    GalleryTakes(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.fullText = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** Whether prompt search stems words (PostgreSQL) or matches substrings (H2). */
    boolean stems() {
        return fullText;
    }

    /**
     * @param shots the shots whose takes may be shown; never empty
     * @param headliners the headliner ids of those shots, used when the filter asks for or against headliners
     */
    List<AssetRow> page(
            Collection<UUID> shots,
            Collection<UUID> headliners,
            GalleryFilter filter,
            @Nullable Cursor after,
            int limit) {
        Query query = query(shots, headliners, filter, after, limit);
        return jdbc.sql(query.sql()).params(query.params()).query(Assets::map).list();
    }

    /** The statement {@link #page} runs, with its named parameters: also what the benchmark EXPLAINs. */
    record Query(String sql, Map<String, Object> params) {}

    Query query(
            Collection<UUID> shots,
            Collection<UUID> headliners,
            GalleryFilter filter,
            @Nullable Cursor after,
            int limit) {
        StringBuilder sql = new StringBuilder(
                "select * from assets where deleted_at is null and kind <> 'mask' and shot_id in (:shots)");
        Map<String, Object> params = new HashMap<>();
        params.put("shots", shots);
        if (filter.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.modelId() != null) {
            sql.append(" and model_id = :model");
            params.put("model", filter.modelId());
        }
        if (filter.providerId() != null) {
            sql.append(" and provider_id = :provider");
            params.put("provider", filter.providerId());
        }
        if (filter.favourite() != null) {
            sql.append(" and starred = :favourite");
            params.put("favourite", filter.favourite());
        }
        if (Boolean.TRUE.equals(filter.headliner())) {
            sql.append(" and id in (:headliners)");
            params.put("headliners", headliners);
        } else if (Boolean.FALSE.equals(filter.headliner()) && !headliners.isEmpty()) {
            sql.append(" and id not in (:headliners)");
            params.put("headliners", headliners);
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= :from");
            params.put(
                    "from", Rows.ts(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < :to");
            params.put(
                    "to",
                    Rows.ts(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        words(filter, sql, params);
        if (after != null) {
            // The first condition bounds the index scan; the second breaks ties between takes of the same moment.
            sql.append(" and created_at <= :at and (created_at < :at or id < :id)");
            params.put("at", Rows.ts(after.at()));
            params.put("id", after.id());
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        return new Query(sql.toString(), params);
    }

    private void words(GalleryFilter filter, StringBuilder sql, Map<String, Object> params) {
        List<String> words = filter.words();
        if (words.isEmpty()) {
            return;
        }
        if (fullText) {
            sql.append(" and prompt_search @@ plainto_tsquery('russian', :q)");
            params.put("q", String.join(" ", words));
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            // Words hold letters and digits only, so they carry no LIKE wildcards.
            sql.append(" and lower(prompt) like :w").append(i);
            params.put("w" + i, "%" + words.get(i) + "%");
        }
    }
}
