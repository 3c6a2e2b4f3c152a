package app.kadr.catalog;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.OutboundUrls;
import app.kadr.shared.Rows;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** What only an admin may do to the catalog: add and change models, set providers' addresses, keys and limits. */
@Service
class CatalogAdmin {

    static final int MAX_KEY = 500;
    static final int MAX_BASE_URL = 500;
    static final int MAX_CONCURRENCY = 64;

    private static final Logger log = LoggerFactory.getLogger(CatalogAdmin.class);

    private final Models models;
    private final Providers providers;
    private final ProviderKeys keys;
    private final ConnectionCheck connections;
    private final ModelRules rules;

    CatalogAdmin(Models models, Providers providers, ProviderKeys keys, JsonMapper json, ConnectionCheck connections) {
        this.models = models;
        this.providers = providers;
        this.keys = keys;
        this.connections = connections;
        this.rules = new ModelRules(json);
    }

    @Transactional
    CatalogModel create(CurrentUser me, ModelChanges body) {
        Provider provider = providerOf(body);
        ModelDraft draft = rules.draft(body, null, provider.kind());
        UUID id = UUID.randomUUID();
        if (models.exists(provider.id(), draft.externalId())) {
            throw KadrException.conflict("catalog.model.duplicate", draft.externalId());
        }
        try {
            models.insert(id, provider.id(), draft, Rows.now());
        } catch (DuplicateKeyException e) {
            throw KadrException.conflict("catalog.model.duplicate", draft.externalId());
        }
        log.info(
                "Model {} of {} added by {}",
                draft.externalId(),
                provider.kind().code(),
                me.username());
        return models.byId(id).orElseThrow();
    }

    @Transactional
    CatalogModel update(CurrentUser me, UUID modelId, ModelChanges body) {
        CatalogModel current = models.byId(modelId).orElseThrow(KadrException::notFound);
        if (body.providerId() != null || body.provider() != null) {
            if (!providerOf(body).id().equals(current.provider().id())) {
                throw KadrException.invalid("providerId", "catalog.model.provider_fixed");
            }
        }
        ModelDraft draft =
                rules.draft(body, ModelDraft.of(current), current.provider().kind());
        if (!draft.externalId().equals(current.externalId())
                && models.exists(current.provider().id(), draft.externalId())) {
            throw KadrException.conflict("catalog.model.duplicate", draft.externalId());
        }
        models.update(modelId, draft, Rows.now());
        return models.byId(modelId).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Provider> providers(CurrentUser me) {
        return providers.all();
    }

    @Transactional
    Provider updateProvider(CurrentUser me, UUID providerId, ProviderChanges body) {
        Provider current = providers.byId(providerId).orElseThrow(KadrException::notFound);
        boolean local = current.kind() == ProviderKind.LOCAL;
        String baseUrl = current.baseUrl();
        if (body.baseUrl() != null) {
            if (local) {
                throw KadrException.invalid("baseUrl", "catalog.provider.local");
            }
            baseUrl = baseUrl(body.baseUrl());
        }
        boolean selfHosted = !local && body.selfHosted() != null ? body.selfHosted() : current.selfHosted();
        if (baseUrl != null) {
            try {
                OutboundUrls.check(baseUrl, selfHosted);
            } catch (OutboundUrls.Refused e) {
                throw e.asInvalid("baseUrl");
            }
        }
        int concurrency = current.maxConcurrency();
        if (body.maxConcurrency() != null) {
            if (body.maxConcurrency() < 1 || body.maxConcurrency() > MAX_CONCURRENCY) {
                throw KadrException.invalid(
                        "maxConcurrency", "catalog.provider.concurrency", String.valueOf(MAX_CONCURRENCY));
            }
            concurrency = body.maxConcurrency();
        }
        boolean enabled = body.enabled() != null ? body.enabled() : current.enabled();
        providers.update(providerId, baseUrl, selfHosted, enabled, concurrency, Rows.now());
        if (body.apiKey() != null) {
            setKey(me, current, body.apiKey().strip());
        }
        if (body.apiKey() != null || !java.util.Objects.equals(baseUrl, current.baseUrl())) {
            // The last check was of another address or key; it no longer says anything.
            providers.forgetCheck(providerId);
        }
        return providers.byId(providerId).orElseThrow();
    }

    /**
     * «Проверить подключение»: the provider's cheapest documented authenticated call, outside any transaction (it
     * may take seconds), and its result stored so that the picker can say why the provider's models are not ready.
     * A provider that needs a key and has none is not called at all.
     */
    ProviderCheck check(CurrentUser me, UUID providerId) {
        Provider provider = providers.byId(providerId).orElseThrow(KadrException::notFound);
        String key = keys.reveal(
                        provider.id(),
                        provider.kind(),
                        providers.sealedKey(provider.id()).orElse(null))
                .orElse(null);
        ConnectionCheck.Outcome outcome = provider.kind().needsKey() && key == null
                ? ConnectionCheck.Outcome.of(CheckProblem.NO_KEY, null)
                : connections.check(provider, key);
        Instant at = Rows.now();
        providers.recordCheck(providerId, at, outcome);
        log.info(
                "Connection check of provider {} by {}: {}",
                provider.kind().code(),
                me.username(),
                outcome.problem() == null ? "ok" : outcome.problem().code() + " " + outcome.detail());
        return new ProviderCheck(at, outcome.problem(), outcome.detail());
    }

    private void setKey(CurrentUser me, Provider provider, String key) {
        if (key.isEmpty()) {
            providers.setSealedKey(provider.id(), null, Rows.now());
            log.info("API key of provider {} removed by {}", provider.kind().code(), me.username());
            return;
        }
        if (provider.kind() == ProviderKind.LOCAL) {
            throw KadrException.invalid("apiKey", "catalog.provider.local");
        }
        if (key.length() > MAX_KEY) {
            throw KadrException.invalid("apiKey", "catalog.provider.key_long", String.valueOf(MAX_KEY));
        }
        providers.setSealedKey(provider.id(), keys.seal(provider.id(), key), Rows.now());
        log.info("API key of provider {} replaced by {}", provider.kind().code(), me.username());
    }

    private Provider providerOf(ModelChanges body) {
        if (body.providerId() != null) {
            return providers
                    .byId(body.providerId())
                    .orElseThrow(() -> KadrException.invalid("providerId", "catalog.model.provider_unknown"));
        }
        if (body.provider() != null) {
            ProviderKind kind = ProviderKind.of(body.provider())
                    .orElseThrow(() -> KadrException.invalid(
                            "provider", "catalog.provider.kind_unknown", body.provider(), ProviderKind.codes()));
            return providers
                    .byKind(kind)
                    .orElseThrow(() -> KadrException.invalid("provider", "catalog.model.provider_unknown"));
        }
        throw KadrException.invalid("providerId", "catalog.model.provider_missing");
    }

    private static String baseUrl(String given) {
        String value = given.strip();
        try {
            URI uri = URI.create(value);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && value.length() <= MAX_BASE_URL) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the Russian message below
        }
        throw KadrException.invalid("baseUrl", "catalog.provider.base_url", String.valueOf(MAX_BASE_URL));
    }
}
