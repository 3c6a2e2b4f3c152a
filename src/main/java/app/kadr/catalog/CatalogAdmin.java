package app.kadr.catalog;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.OutboundUrls;
import app.kadr.shared.Rows;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** What only an admin may do to the catalog: add and change models, set providers' addresses, keys and limits. */
@Service
class CatalogAdmin {

    /** The inputs every generation may carry besides the schema's parameters, in Kadr's own names. */
    static final Set<String> INPUTS =
            Set.of("prompt", "negativePrompt", "sourceImage", "endImage", "maskImage", "sourceVideo", "audio");

    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_VENDOR = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PRESET_NAME = 100;
    static final int MAX_PROVIDER_FIELD = 100;
    static final int MAX_KEY = 500;
    static final int MAX_BASE_URL = 500;
    static final int MAX_CONCURRENCY = 64;

    private static final Logger log = LoggerFactory.getLogger(CatalogAdmin.class);

    private final Models models;
    private final Providers providers;
    private final ProviderKeys keys;
    private final JsonMapper json;
    private final ConnectionCheck connections;

    CatalogAdmin(Models models, Providers providers, ProviderKeys keys, JsonMapper json, ConnectionCheck connections) {
        this.models = models;
        this.providers = providers;
        this.keys = keys;
        this.json = json;
        this.connections = connections;
    }

    @Transactional
    CatalogModel create(CurrentUser me, ModelChanges body) {
        Provider provider = providerOf(body);
        ModelDraft draft = draft(body, null, provider.kind());
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
                draft(body, ModelDraft.of(current), current.provider().kind());
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

    /** The model the request describes, on top of the current one for PATCH; every part checked, in Russian. */
    private ModelDraft draft(ModelChanges body, @Nullable ModelDraft current, ProviderKind kind) {
        String externalId = text(body.externalId(), current == null ? null : current.externalId());
        if (externalId.isEmpty()) {
            throw KadrException.invalid("externalId", "catalog.model.external_id.empty");
        }
        if (externalId.length() > MAX_EXTERNAL_ID) {
            throw KadrException.invalid(
                    "externalId", "catalog.model.external_id.long", String.valueOf(MAX_EXTERNAL_ID));
        }
        String name = text(body.name(), current == null ? null : current.name());
        if (name.isEmpty()) {
            throw KadrException.invalid("name", "catalog.model.name.empty");
        }
        if (name.length() > MAX_NAME) {
            throw KadrException.invalid("name", "catalog.model.name.long", String.valueOf(MAX_NAME));
        }
        String vendor = text(body.vendor(), current == null ? null : current.vendor());
        if (vendor.length() > MAX_VENDOR) {
            throw KadrException.invalid("vendor", "catalog.model.vendor.long", String.valueOf(MAX_VENDOR));
        }
        String description = text(body.description(), current == null ? null : current.description());
        if (description.length() > MAX_DESCRIPTION) {
            throw KadrException.invalid(
                    "description", "catalog.model.description.long", String.valueOf(MAX_DESCRIPTION));
        }
        Task task = body.task() != null
                ? Task.of(body.task())
                        .orElseThrow(
                                () -> KadrException.invalid("task", "catalog.task.unknown", body.task(), Task.codes()))
                : current != null ? current.task() : null;
        if (task == null) {
            throw KadrException.invalid("task", "catalog.task.missing", Task.codes());
        }
        Quality quality = body.quality() != null
                ? Quality.of(body.quality())
                        .orElseThrow(() -> KadrException.invalid(
                                "quality", "catalog.quality.unknown", body.quality(), Quality.codes()))
                : current != null ? current.quality() : null;
        if (quality == null) {
            throw KadrException.invalid("quality", "catalog.quality.missing", Quality.codes());
        }
        ParamSchema schema = body.paramSchema() != null
                ? ParamSchema.parse(body.paramSchema())
                : current != null ? current.schema() : ParamSchema.EMPTY;
        // Defaults and presets are checked against the schema they will be used with, even when only it changed.
        Map<String, Object> defaults = ParamValidation.validate(
                schema,
                object(body.defaults(), current == null ? Map.of() : current.defaults(), "defaults"),
                "defaults",
                false);
        Map<String, Map<String, Object>> presets =
                presets(schema, body.presets() != null ? body.presets() : current == null ? null : current.presets());
        Map<String, String> mapping = mapping(
                schema,
                body.fieldMapping() != null ? body.fieldMapping() : current == null ? null : current.fieldMapping());
        Price price = price(body.price(), current == null ? null : current.price());
        boolean enabled = body.enabled() != null ? body.enabled() : current == null || current.enabled();
        String workflow = body.workflow() != null
                ? WorkflowTemplate.text(body.workflow(), json)
                : current == null ? null : current.workflow();
        if (workflow != null) {
            // Checked against the mapping and schema it will be filled from, even when only they changed.
            WorkflowTemplate.check(workflow, kind, schema, mapping);
        }
        ModelDraft draft = new ModelDraft(
                externalId,
                name,
                vendor,
                task,
                quality,
                description,
                schema,
                defaults,
                presets,
                mapping,
                price,
                enabled,
                workflow);
        fits("paramSchema", schema.toJson(), 20000);
        fits("defaults", defaults, 5000);
        fits("presets", presets, 10000);
        fits("fieldMapping", mapping, 5000);
        return draft;
    }

    private static String text(@Nullable String given, @Nullable String current) {
        String value = given != null ? given : current;
        return value == null ? "" : value.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object given, Map<String, Object> current, String field) {
        if (given == null) {
            return current;
        }
        if (!(given instanceof Map<?, ?>)) {
            throw KadrException.invalid(field, "catalog.model.not_object");
        }
        return (Map<String, Object>) given;
    }

    private static Map<String, Map<String, Object>> presets(ParamSchema schema, @Nullable Object json) {
        Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        if (json == null) {
            return presets;
        }
        if (!(json instanceof Map<?, ?> named)) {
            throw KadrException.invalid("presets", "catalog.model.not_object");
        }
        for (Map.Entry<?, ?> preset : named.entrySet()) {
            String name = String.valueOf(preset.getKey()).strip();
            if (name.isEmpty() || name.length() > MAX_PRESET_NAME) {
                throw KadrException.invalid("presets", "catalog.preset.name", String.valueOf(MAX_PRESET_NAME));
            }
            String field = "presets." + name;
            presets.put(
                    name, ParamValidation.validate(schema, object(preset.getValue(), Map.of(), field), field, false));
        }
        return presets;
    }

    private static Map<String, String> mapping(ParamSchema schema, @Nullable Object json) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (json == null) {
            return mapping;
        }
        if (!(json instanceof Map<?, ?> pairs)) {
            throw KadrException.invalid("fieldMapping", "catalog.model.not_object");
        }
        for (Map.Entry<?, ?> pair : pairs.entrySet()) {
            String kadr = String.valueOf(pair.getKey());
            if (!INPUTS.contains(kadr) && schema.param(kadr).isEmpty()) {
                throw KadrException.invalid(
                        "fieldMapping." + kadr,
                        "catalog.mapping.unknown",
                        kadr,
                        String.join(", ", INPUTS.stream().sorted().toList()));
            }
            if (!(pair.getValue() instanceof String target)
                    || target.isBlank()
                    || target.length() > MAX_PROVIDER_FIELD) {
                throw KadrException.invalid("fieldMapping." + kadr, "catalog.mapping.target", kadr);
            }
            mapping.put(kadr, target.strip());
        }
        return mapping;
    }

    private static Price price(ModelChanges.@Nullable PriceChanges given, @Nullable Price current) {
        Price.Unit unit = given != null && given.unit() != null
                ? Price.Unit.of(given.unit())
                        .orElseThrow(() -> KadrException.invalid("price.unit", "catalog.price.unit"))
                : current != null ? current.unit() : null;
        BigDecimal usd = given != null && given.usd() != null ? given.usd() : current != null ? current.usd() : null;
        if (unit == null) {
            throw KadrException.invalid("price.unit", "catalog.price.unit");
        }
        if (usd == null
                || usd.signum() < 0
                || usd.compareTo(Price.MAX_USD) > 0
                || usd.stripTrailingZeros().scale() > 4) {
            throw KadrException.invalid("price.usd", "catalog.price.usd");
        }
        return new Price(unit, usd);
    }

    private void fits(String field, Object json, int max) {
        if (models.write(json).length() > max) {
            throw KadrException.invalid(field, "catalog.model.json_long", String.valueOf(max));
        }
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
