package app.kadr.asset;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where a shot sits, for addressing live updates to the right project's pages. */
@Component
class AssetPlaces {

    private final JdbcClient jdbc;

    AssetPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> projectOf(UUID shotId) {
        return jdbc.sql("select project_id from shots where id = ?")
                .param(shotId)
                .query(UUID.class)
                .optional();
    }
}
