package app.kadr.portrait;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which generation makes which view of which character, and what became of its take. */
@Repository
class Portraits {

    /** One view being made: {@code outcome} stays empty until its generation has ended. */
    record Portrait(
            UUID generationId,
            UUID elementId,
            UUID ownerId,
            UUID runId,
            PortraitAngle angle,
            @Nullable String outcome,
            @Nullable UUID assetId,
            Instant createdAt) {

        boolean settled() {
            return outcome != null;
        }
    }

    private final JdbcClient jdbc;

    Portraits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID generationId, UUID elementId, UUID ownerId, UUID runId, PortraitAngle angle, Instant now) {
        jdbc.sql("""
                        insert into element_portraits
                          (generation_id, element_id, owner_id, run_id, angle, position, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(generationId, elementId, ownerId, runId, angle.code(), angle.ordinal(), Rows.ts(now))
                .update();
    }

    /** The view a generation makes, if it makes one and its take has not been dealt with yet. */
    Optional<Portrait> unsettled(UUID generationId) {
        return jdbc.sql("select * from element_portraits where generation_id = ? and outcome is null")
                .param(generationId)
                .query(Portraits::row)
                .optional();
    }

    /** Every view still waiting for its generation, for the catch-up at start. */
    List<Portrait> allUnsettled() {
        return jdbc.sql("select * from element_portraits where outcome is null")
                .query(Portraits::row)
                .list();
    }

    /** The views of the character's newest «Сгенерировать портрет», in order. */
    List<Portrait> latestRun(UUID elementId) {
        return jdbc.sql("""
                        select * from element_portraits where run_id = (
                          select run_id from element_portraits where element_id = ?
                          order by created_at desc, position fetch first 1 rows only)
                        order by position""").param(elementId).query(Portraits::row).list();
    }

    /** The character's views whose takes joined its references, as take by generation. */
    java.util.Map<UUID, UUID> addedTakes(UUID elementId) {
        java.util.Map<UUID, UUID> takes = new java.util.LinkedHashMap<>();
        jdbc.sql("select generation_id, asset_id from element_portraits"
                        + " where element_id = ? and outcome = 'added' and asset_id is not null")
                .param(elementId)
                .query((rs, n) -> takes.put(Rows.uuid(rs, "generation_id"), Rows.uuid(rs, "asset_id")))
                .list();
        return takes;
    }

    /** Writes what became of a view's take; only once, so a second hearing of the same event changes nothing. */
    boolean settle(UUID generationId, String outcome, @Nullable UUID assetId) {
        return jdbc.sql(
                                "update element_portraits set outcome = ?, asset_id = ? where generation_id = ? and outcome is null")
                        .params(outcome, assetId, generationId)
                        .update()
                > 0;
    }

    private static Portrait row(ResultSet rs, int n) throws SQLException {
        return new Portrait(
                Rows.uuid(rs, "generation_id"),
                Rows.uuid(rs, "element_id"),
                Rows.uuid(rs, "owner_id"),
                Rows.uuid(rs, "run_id"),
                PortraitAngle.of(rs.getString("angle")),
                rs.getString("outcome"),
                Rows.uuid(rs, "asset_id"),
                Rows.instant(rs, "created_at"));
    }
}
