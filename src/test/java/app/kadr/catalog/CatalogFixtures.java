package app.kadr.catalog;

import app.kadr.support.Studio;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admins for catalog tests. The first account of the shared test studio may belong to any test, so an admin is an
 * ordinary new person promoted in the database.
 */
@TestComponent
class CatalogFixtures {

    private final Studio studio;
    private final JdbcClient jdbc;

    CatalogFixtures(Studio studio, JdbcClient jdbc) {
        this.studio = studio;
        this.jdbc = jdbc;
    }

    Studio.Person newAdmin() {
        Studio.Person person = studio.newPerson();
        jdbc.sql("update users set role = 'ADMIN' where username = ?")
                .param(person.username())
                .update();
        return person;
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
