package app.kadr.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database and a fresh data folder. PostgreSQL gets a schema of its own,
 * emptied before the migrations run, so runs never see each other's rows.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("kadr.test.db", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dataDir = Path.of("target", "test-data", run).toAbsolutePath();
        Map<String, Object> settings = postgres()
                ? Map.of(
                        "spring.datasource.url",
                        POSTGRES_URL + "?currentSchema=kadr_test",
                        "spring.datasource.username",
                        System.getProperty("kadr.test.db-user", "postgres"),
                        "spring.datasource.password",
                        "",
                        "spring.flyway.schemas",
                        "kadr_test",
                        "spring.flyway.clean-disabled",
                        "false",
                        "kadr.data-dir",
                        dataDir.toString())
                : Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:mem:kadr-" + run
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "kadr.data-dir",
                        dataDir.toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kadr-test", settings));
    }
}
