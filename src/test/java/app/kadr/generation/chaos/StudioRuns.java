package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.KadrApplication;
import app.kadr.support.Api;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Whole studios started and stopped by hand on one database and one data folder, so a test can restart the
 * studio halfway through its work: H2 in memory (kept while the JVM lives) by default, a schema of the local
 * PostgreSQL with {@code -Dkadr.test.db=postgres}. Job pacing is shortened so the tests take seconds.
 */
final class StudioRuns {

    static final String FLUX_SCHNELL = "fal-ai/flux/schnell";

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Path dataDir = Path.of("target", "test-data", "chaos-" + run).toAbsolutePath();
    private final Map<String, Object> settings = new HashMap<>();

    StudioRuns(Map<String, Object> pacing) {
        if (TestDatabase.postgres()) {
            String schema = "kadr_test_chaos_" + run;
            settings.put("spring.datasource.url", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
            settings.put("spring.datasource.username", System.getProperty("kadr.test.db-user", "postgres"));
            settings.put("spring.datasource.password", "");
            settings.put("spring.flyway.schemas", schema);
        } else {
            settings.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:chaos-" + run
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        settings.put("kadr.data-dir", dataDir.toString());
        settings.put("server.port", "0");
        settings.put("server.shutdown", "immediate");
        settings.put("logging.level.app.kadr", "WARN");
        settings.putAll(pacing);
    }

    /** Pacing for tests: poll often, retry soon, and find a crashed instance's jobs within seconds. */
    static Map<String, Object> quickPacing() {
        return Map.of(
                "kadr.generation.poll-interval", "200ms",
                "kadr.generation.slot-wait", "1s",
                "kadr.generation.backoff-base", "200ms",
                "kadr.generation.backoff-cap", "2s",
                "kadr.generation.max-attempts", "40",
                "kadr.jobs.threads", "12",
                "kadr.jobs.polling-interval", "250ms",
                "kadr.jobs.heartbeat-interval", "1s");
    }

    ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /** Starts a studio in this JVM with some settings of its own (its name, its store...). */
    ConfigurableApplicationContext start(Map<String, Object> own) {
        return new SpringApplicationBuilder(KadrApplication.class).run(arguments(own));
    }

    /** The command-line arguments of a studio on this run's database and data folder, plus settings of its own. */
    String[] arguments(Map<String, Object> own) {
        // As arguments, not default properties: application.yml would override those.
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(own);
        return all.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
    }

    /** Drops the PostgreSQL schema; an H2 database in memory goes with the JVM. */
    void forget() throws SQLException {
        if (TestDatabase.postgres()) {
            try (Connection connection = DriverManager.getConnection(
                    TestDatabase.POSTGRES_URL, System.getProperty("kadr.test.db-user", "postgres"), "")) {
                connection.createStatement().execute("drop schema if exists kadr_test_chaos_" + run + " cascade");
            }
        }
    }

    /** An admin (the first account of a fresh studio) who points fal at the fake with the given limit. */
    static Studio.Person pointFalAt(Studio studio, String baseUrl, int limit) {
        Studio.Person admin = studio.newPerson();
        JsonNode providers = admin.api().get("/api/v1/providers").json().path("items");
        String fal = null;
        for (JsonNode provider : providers) {
            if (provider.path("kind").asString().equals("fal")) {
                fal = provider.path("id").asString();
            }
        }
        assertThat(fal).as("the fal provider in " + providers).isNotNull();
        Api.Response changed = admin.api()
                .patch(
                        "/api/v1/providers/" + fal,
                        Map.of(
                                "baseUrl",
                                baseUrl,
                                "selfHosted",
                                true,
                                "apiKey",
                                "chaos-key",
                                "enabled",
                                true,
                                "maxConcurrency",
                                limit));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return admin;
    }

    static String modelId(Studio.Person person, String externalId) {
        for (JsonNode model :
                person.api().get("/api/v1/models?provider=fal&limit=200").json().path("items")) {
            if (model.path("externalId").asString().equals(externalId)) {
                return model.path("id").asString();
            }
        }
        throw new AssertionError("No fal model " + externalId);
    }

    /** Starts one generation per prompt and answers their ids. */
    static List<String> generate(Studio.Person person, String shot, String model, List<String> prompts) {
        return prompts.stream()
                .map(prompt -> {
                    Api.Response started = person.api()
                            .post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", prompt));
                    assertThat(started.status()).as(started.toString()).isEqualTo(202);
                    return started.json().get(0).path("id").asString();
                })
                .toList();
    }

    static int count(ConfigurableApplicationContext studio, String sql) {
        Integer found =
                studio.getBean(JdbcClient.class).sql(sql).query(Integer.class).single();
        return found == null ? 0 : found;
    }

    static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
