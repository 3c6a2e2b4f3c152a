package app.kadr.catalog;

import app.kadr.support.Studio;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins, providers' ids and their stored keys, for catalog tests. */
@TestComponent
class CatalogFixtures {

    private final Studio studio;
    private final JdbcClient jdbc;

    CatalogFixtures(Studio studio, JdbcClient jdbc) {
        this.studio = studio;
        this.jdbc = jdbc;
    }

    Studio.Person newAdmin() {
        return studio.newAdmin();
    }

    String providerId(String kind) {
        return jdbc.sql("select id from providers where kind = ?")
                .param(kind)
                .query(java.util.UUID.class)
                .single()
                .toString();
    }

    String storedKey(String providerId) {
        return jdbc.sql("select api_key_encrypted from providers where id = ?")
                .param(java.util.UUID.fromString(providerId))
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
