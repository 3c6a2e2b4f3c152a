package app.kadr.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings from {@code application.yml} and the {@code KADR_*} environment variables. */
@ConfigurationProperties("kadr")
public record KadrProperties(Path dataDir, boolean signup, boolean cookieSecure, Upload upload) {

    public record Upload(long maxImageBytes, long maxVideoBytes, long maxImagePixels) {}
}
