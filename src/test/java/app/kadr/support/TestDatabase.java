package app.kadr.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database and a fresh data folder. On PostgreSQL each context gets a schema
 * of its own (dropped when the context closes), so contexts never see each other's rows or background jobs.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA_PREFIX = "kadr_test_";

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("kadr.test.db", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dataDir = Path.of("target", "test-data", run).toAbsolutePath();
        Map<String, Object> settings = postgres() ? postgres(run, dataDir) : h2(run, dataDir);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kadr-test", settings));
    }

    private static Map<String, Object> postgres(String run, Path dataDir) {
        String schema = SCHEMA_PREFIX + run;
        return Map.of(
                "spring.datasource.url",
                POSTGRES_URL + "?currentSchema=" + schema,
                "spring.datasource.username",
                System.getProperty("kadr.test.db-user", "postgres"),
                "spring.datasource.password",
                "",
                "spring.flyway.schemas",
                schema,
                // The context cache keeps many studios open at once: each holds a connection or two while idle,
                // not a full pool, so together they stay under PostgreSQL's connection limit.
                "spring.datasource.hikari.minimum-idle",
                "1",
                "spring.datasource.hikari.idle-timeout",
                "10000",
                "spring.datasource.hikari.maximum-pool-size",
                "10",
                "kadr.data-dir",
                dataDir.toString());
    }

    private static Map<String, Object> h2(String run, Path dataDir) {
        String url = "jdbc:h2:mem:kadr-" + run
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return Map.of("spring.datasource.url", url, "kadr.data-dir", dataDir.toString());
    }
}
