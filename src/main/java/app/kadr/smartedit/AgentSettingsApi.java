package app.kadr.smartedit;

import app.kadr.account.AdminOnly;
import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.OutboundUrls;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The smart-edit agent's address, model and key, for admins; the key is write-only. */
@RestController
@AdminOnly
class AgentSettingsApi {

    private static final Logger log = LoggerFactory.getLogger(AgentSettingsApi.class);
    static final int MAX_KEY = 1000;

    private final AgentSettings settings;

    AgentSettingsApi(AgentSettings settings) {
        this.settings = settings;
    }

    record Changes(
            @Nullable String baseUrl,
            @Nullable String model,
            @Nullable String apiKey,
            @Nullable Boolean clearKey,
            @Nullable Boolean selfHosted) {}

    @GetMapping("/api/v1/settings/agent")
    AgentSettings.View get(CurrentUser me) {
        return settings.view();
    }

    @PutMapping("/api/v1/settings/agent")
    AgentSettings.View put(CurrentUser me, @RequestBody Changes body) {
        save(me, body);
        return settings.view();
    }

    void save(CurrentUser me, Changes body) {
        String baseUrl = body.baseUrl() == null ? "" : body.baseUrl().strip();
        if (!baseUrl.isEmpty() && !web(baseUrl)) {
            throw KadrException.invalid("baseUrl", "agent.settings.base_url");
        }
        boolean selfHosted = Boolean.TRUE.equals(body.selfHosted());
        if (!baseUrl.isEmpty()) {
            try {
                OutboundUrls.check(baseUrl, selfHosted);
            } catch (OutboundUrls.Refused e) {
                throw e.asInvalid("baseUrl");
            }
        }
        String model = body.model() == null ? "" : body.model().strip();
        if (model.length() > 200) {
            throw KadrException.invalid("model", "agent.settings.model_long");
        }
        if (body.apiKey() != null && body.apiKey().length() > MAX_KEY) {
            throw KadrException.invalid("apiKey", "agent.settings.key_long", MAX_KEY);
        }
        settings.save(baseUrl, model, body.apiKey(), Boolean.TRUE.equals(body.clearKey()), selfHosted, me.username());
        log.info("Smart-edit agent settings changed by {}", me.username());
    }

    private static boolean web(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && url.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
