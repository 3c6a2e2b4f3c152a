package app.kadr.shared;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where Kadr checks that a project, shot or asset belongs to the person asking. Anything
 * else, including what sits in the trash, answers {@link KadrException#notFound()}, never "forbidden",
 * so that ids reveal nothing.
 */
@Component
public class Ownership {

    public record ShotRef(UUID shotId, UUID projectId) {}

    public record AssetRef(UUID assetId, UUID shotId, UUID projectId) {}

    private final JdbcClient jdbc;

    Ownership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void requireProject(UUID ownerId, UUID projectId) {
        jdbc.sql("select id from projects where id = ? and owner_id = ? and deleted_at is null")
                .params(projectId, ownerId)
                .query(UUID.class)
                .optional()
                .orElseThrow(KadrException::notFound);
    }

    public void requireTrashedProject(UUID ownerId, UUID projectId) {
        jdbc.sql("select id from projects where id = ? and owner_id = ? and deleted_at is not null")
                .params(projectId, ownerId)
                .query(UUID.class)
                .optional()
                .orElseThrow(KadrException::notFound);
    }

    public ShotRef requireShot(UUID ownerId, UUID shotId) {
        return shot(ownerId, shotId, "s.deleted_at is null");
    }

    public ShotRef requireTrashedShot(UUID ownerId, UUID shotId) {
        return shot(ownerId, shotId, "s.deleted_at is not null");
    }

    public AssetRef requireAsset(UUID ownerId, UUID assetId) {
        return asset(ownerId, assetId, "a.deleted_at is null");
    }

    public AssetRef requireTrashedAsset(UUID ownerId, UUID assetId) {
        return asset(ownerId, assetId, "a.deleted_at is not null");
    }

    private ShotRef shot(UUID ownerId, UUID shotId, String shotState) {
        return jdbc.sql("""
                        select s.id, s.project_id from shots s join projects p on p.id = s.project_id
                        where s.id = ? and p.owner_id = ? and p.deleted_at is null and %s""".formatted(shotState))
                .params(shotId, ownerId)
                .query((rs, n) -> new ShotRef(Rows.uuid(rs, "id"), Rows.uuid(rs, "project_id")))
                .optional()
                .orElseThrow(KadrException::notFound);
    }

    private AssetRef asset(UUID ownerId, UUID assetId, String assetState) {
        return jdbc.sql("""
                        select a.id, a.shot_id, s.project_id from assets a
                        join shots s on s.id = a.shot_id join projects p on p.id = s.project_id
                        where a.id = ? and p.owner_id = ? and p.deleted_at is null and s.deleted_at is null and %s""".formatted(assetState))
                .params(assetId, ownerId)
                .query((rs, n) ->
                        new AssetRef(Rows.uuid(rs, "id"), Rows.uuid(rs, "shot_id"), Rows.uuid(rs, "project_id")))
                .optional()
                .orElseThrow(KadrException::notFound);
    }
}
