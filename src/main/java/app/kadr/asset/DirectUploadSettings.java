package app.kadr.asset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Direct uploads ({@code kadr.direct-uploads.*}).
 *
 * @param lifetime how long an upload may wait for its confirm; then its bytes are deleted
 */
@ConfigurationProperties("kadr.direct-uploads")
record DirectUploadSettings(@DefaultValue("24h") Duration lifetime) {}
