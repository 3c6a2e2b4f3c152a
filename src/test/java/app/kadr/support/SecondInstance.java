package app.kadr.support;

import app.kadr.KadrApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another Kadr instance beside a test's studio, as a load balancer would have it: the same database (the same H2 in
 * memory, or the same PostgreSQL schema) and the same data folder, its own port and its own memory. It must be
 * closed before the studio it stands beside, whose context drops the schema. It hashes passwords as the test studio
 * does (QuickPasswordHashes), so either instance checks the other's.
 */
public final class SecondInstance implements AutoCloseable {

    private static final String[] SHARED = {
        "spring.datasource.url",
        "spring.datasource.username",
        "spring.datasource.password",
        "spring.flyway.schemas",
        "kadr.data-dir"
    };

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on what the given studio's environment uses, named {@code name}. */
    public static SecondInstance beside(Environment first, String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : SHARED) {
            String value = first.getProperty(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        settings.put("server.port", "0");
        settings.put("kadr.instance-name", name);
        // As arguments, not default properties: application.yml would override those.
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new SecondInstance(
                new SpringApplicationBuilder(KadrApplication.class, QuickPasswordHashes.class).run(arguments));
    }

    public Studio studio() {
        return new Studio(context.getEnvironment());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
