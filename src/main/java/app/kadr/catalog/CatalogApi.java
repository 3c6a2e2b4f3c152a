package app.kadr.catalog;

import app.kadr.account.AdminOnly;
import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog over HTTP. Anyone signed in lists the models in use; only an admin changes them or sees providers.
 * Lists answer {@code {items, nextCursor}} like every list, whole: the catalog is small.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    record PriceView(String unit, BigDecimal usd) {}

    record ModelView(
            UUID id,
            String provider,
            UUID providerId,
            String externalId,
            String name,
            String vendor,
            String task,
            String quality,
            String description,
            Map<String, Object> paramSchema,
            Map<String, Object> defaults,
            Map<String, Map<String, Object>> presets,
            Map<String, String> fieldMapping,
            PriceView price,
            @Nullable Integer typicalSeconds,
            boolean enabled,
            boolean ready,
            @Nullable String notReadyReason,
            @Nullable Object workflow,
            int maxReferences,
            boolean acceptsLoras) {

        static ModelView of(CatalogModel m, Messages messages) {
            String whyNot = m.notReadyKey();
            return new ModelView(
                    m.id(),
                    m.provider().kind().code(),
                    m.provider().id(),
                    m.externalId(),
                    m.name(),
                    m.vendor(),
                    m.task().code(),
                    m.quality().code(),
                    m.description(),
                    m.schema().toJson(),
                    m.defaults(),
                    m.presets(),
                    m.fieldMapping(),
                    new PriceView(m.price().unit().code(), m.price().usdPlain()),
                    m.typicalSeconds(),
                    m.enabled(),
                    whyNot == null,
                    whyNot == null ? null : messages.get(whyNot),
                    m.workflow() == null ? null : JsonMapper.shared().readTree(m.workflow()),
                    m.maxReferences(),
                    m.acceptsLoras());
        }
    }

    record ProviderView(
            UUID id,
            String kind,
            String name,
            @Nullable String baseUrl,
            boolean enabled,
            int maxConcurrency,
            boolean hasKey,
            boolean needsKey,
            boolean selfHosted) {

        static ProviderView of(Provider p) {
            return new ProviderView(
                    p.id(),
                    p.kind().code(),
                    p.name(),
                    p.baseUrl(),
                    p.enabled(),
                    p.maxConcurrency(),
                    p.hasKey(),
                    p.kind().needsKey(),
                    p.selfHosted());
        }
    }

    /** A connection check's result: {@code problem} is null and {@code message} «Подключение работает» when fine. */
    record CheckView(
            boolean ok,
            @Nullable String problem,
            String message,
            @Nullable String detail,
            Instant checkedAt) {

        static CheckView of(ProviderCheck check, Messages messages) {
            return new CheckView(
                    check.ok(),
                    check.problem() == null ? null : check.problem().code(),
                    messages.get(
                            check.problem() == null
                                    ? "catalog.check.ok"
                                    : check.problem().messageKey()),
                    check.detail(),
                    check.at());
        }
    }

    private final Catalog catalog;
    private final CatalogAdmin admin;
    private final Messages messages;

    CatalogApi(Catalog catalog, CatalogAdmin admin, Messages messages) {
        this.catalog = catalog;
        this.admin = admin;
        this.messages = messages;
    }

    /**
     * {@code all=true} lets an admin see switched-off models too, to switch them back on. {@code vendor} matches the
     * model's maker in any case; {@code ready=true} keeps the models that can run now, {@code ready=false} the ones
     * that cannot (each says why in {@code notReadyReason}).
     */
    @GetMapping("/models")
    Page<ModelView> models(
            CurrentUser me,
            @RequestParam(required = false) @Nullable String task,
            @RequestParam(required = false) @Nullable String provider,
            @RequestParam(required = false) @Nullable String vendor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean ready,
            @RequestParam(defaultValue = "false") boolean all) {
        Task taskFilter = blank(task)
                ? null
                : Task.of(task)
                        .orElseThrow(() -> KadrException.invalid("task", "catalog.task.unknown", task, Task.codes()));
        ProviderKind kind = blank(provider)
                ? null
                : ProviderKind.of(provider)
                        .orElseThrow(() -> KadrException.invalid(
                                "provider", "catalog.provider.kind_unknown", provider, ProviderKind.codes()));
        return new Page<>(
                catalog.models(taskFilter, kind, q, !(all && me.isAdmin())).stream()
                        .filter(m -> blank(vendor) || m.vendor().equalsIgnoreCase(vendor.strip()))
                        .filter(m -> ready == null || m.ready() == ready)
                        .map(m -> ModelView.of(m, messages))
                        .toList(),
                null);
    }

    @GetMapping("/models/{modelId}")
    ModelView model(CurrentUser me, @PathVariable UUID modelId) {
        CatalogModel model =
                me.isAdmin() ? catalog.find(modelId).orElseThrow(KadrException::notFound) : catalog.usable(modelId);
        return ModelView.of(model, messages);
    }

    @PostMapping("/models")
    @AdminOnly
    @ResponseStatus(HttpStatus.CREATED)
    ModelView create(CurrentUser me, @RequestBody ModelChanges body) {
        return ModelView.of(admin.create(me, body), messages);
    }

    @PatchMapping("/models/{modelId}")
    @AdminOnly
    ModelView update(CurrentUser me, @PathVariable UUID modelId, @RequestBody ModelChanges body) {
        return ModelView.of(admin.update(me, modelId, body), messages);
    }

    @GetMapping("/providers")
    @AdminOnly
    Page<ProviderView> providers(CurrentUser me) {
        return new Page<>(admin.providers(me).stream().map(ProviderView::of).toList(), null);
    }

    @PatchMapping("/providers/{providerId}")
    @AdminOnly
    ProviderView updateProvider(CurrentUser me, @PathVariable UUID providerId, @RequestBody ProviderChanges body) {
        return ProviderView.of(admin.updateProvider(me, providerId, body));
    }

    /** «Проверить подключение»: the provider's cheapest authenticated call; the result is stored and answered. */
    @PostMapping("/providers/{providerId}/check")
    @AdminOnly
    CheckView check(CurrentUser me, @PathVariable UUID providerId) {
        return CheckView.of(admin.check(me, providerId), messages);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
