package app.kadr.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration
public class TestSupport {

    /** Every test run starts from an empty schema, whatever an earlier run left in PostgreSQL. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return (Flyway flyway) -> {
            if (TestDatabase.postgres()) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
