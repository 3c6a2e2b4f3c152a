package app.kadr.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@TestConfiguration
public class TestSupport {

    /** The schema is new for every context; migrations build it from nothing, as on a fresh install. */
    @Bean
    FlywayMigrationStrategy migrateFromNothing() {
        return Flyway::migrate;
    }

    /** A PostgreSQL context removes its schema when it closes, so the shared test database does not fill up. */
    @Bean
    DisposableBean dropTestSchema(DataSource dataSource, Scheduler jobs) {
        return () -> {
            if (TestDatabase.postgres()) {
                jobs.stop(); // no job may poll a schema that is about to go
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                String schema = jdbc.queryForObject("select current_schema()", String.class);
                if (schema != null && schema.startsWith(TestDatabase.SCHEMA_PREFIX)) {
                    jdbc.execute("drop schema " + schema + " cascade");
                }
            }
        };
    }
}
