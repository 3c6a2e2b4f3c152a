package app.kadr.asset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Direct uploads ({@code kadr.direct-uploads.*}).
 *
 * @param lifetime how long an upload may wait for its confirm; then its bytes are deleted
 * @param threshold videos larger than this go from the box page straight to the store instead of through a
 *     multipart request
 */
@ConfigurationProperties("kadr.direct-uploads")
record DirectUploadSettings(
        @DefaultValue("24h") Duration lifetime,
        @DefaultValue("50MB") DataSize threshold) {}
