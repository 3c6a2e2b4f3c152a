package app.kadr.generation.provider.fal;

import app.kadr.shared.PublicAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The address fal posts a finished request to, or none when webhooks are off or Kadr has no public address. */
@Component
public class FalWebhookAddress {

    public static final String PATH = "/api/v1/webhooks/fal";
    static final FalWebhookAddress NONE = new FalWebhookAddress("", false);

    private final @Nullable String url;

    @Autowired
    FalWebhookAddress(PublicAddress address, FalWebhookSettings settings) {
        this(address.prefix(), settings.falWebhooks());
    }

    FalWebhookAddress(String publicUrl, boolean enabled) {
        String base = publicUrl.strip().replaceAll("/+$", "");
        this.url = enabled && !base.isEmpty() ? base + PATH : null;
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }
}
