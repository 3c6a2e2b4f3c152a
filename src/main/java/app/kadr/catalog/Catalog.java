package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks models and providers up, for the API and for the generation module. Nothing is cached: the catalog is a few
 * dozen rows, and a model an admin adds or changes is what the very next call sees.
 */
@Service
public class Catalog {

    private final Models models;
    private final Providers providers;
    private final ProviderKeys keys;
    private final Loras loras;

    Catalog(Models models, Providers providers, ProviderKeys keys, Loras loras) {
        this.models = models;
        this.providers = providers;
        this.keys = keys;
        this.loras = loras;
    }

    /** Every LoRA entry, by name: what an element may carry. */
    @Transactional(readOnly = true)
    public List<CatalogLora> loras() {
        return loras.all();
    }

    @Transactional(readOnly = true)
    public Optional<CatalogLora> lora(UUID loraId) {
        return loras.byId(loraId);
    }

    /**
     * Models by task and provider, and whose name, vendor or description contains {@code query} in any case. The
     * text search runs here rather than in SQL so that Cyrillic case folding does not depend on the database locale.
     */
    @Transactional(readOnly = true)
    public List<CatalogModel> models(
            @Nullable Task task, @Nullable ProviderKind kind, @Nullable String query, boolean onlyUsable) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return models.list(task, kind, onlyUsable).stream()
                .filter(m -> needle.isEmpty() || contains(m, needle))
                .toList();
    }

    /** Names of every model, for lists that only show them (the gallery's filter). */
    @Transactional(readOnly = true)
    public List<ModelName> modelNames() {
        return models.names();
    }

    @Transactional(readOnly = true)
    public Optional<CatalogModel> find(UUID modelId) {
        return models.byId(modelId);
    }

    /** A model someone may generate with: it and its provider are on. Anything else is simply not there. */
    @Transactional(readOnly = true)
    public CatalogModel usable(UUID modelId) {
        return models.byId(modelId).filter(CatalogModel::usable).orElseThrow(KadrException::notFound);
    }

    @Transactional(readOnly = true)
    public Optional<Provider> provider(UUID providerId) {
        return providers.byId(providerId);
    }

    @Transactional(readOnly = true)
    public List<Provider> providers() {
        return providers.all();
    }

    /** The provider's key in plain text, for the one call that needs it; never log or return it. */
    @Transactional(readOnly = true)
    public Optional<String> apiKey(Provider provider) {
        return keys.reveal(
                provider.id(),
                provider.kind(),
                providers.sealedKey(provider.id()).orElse(null));
    }

    /** The key, or the Russian refusal «Не задан ключ API провайдера» on the field {@code modelId}. */
    @Transactional(readOnly = true)
    public String requireApiKey(Provider provider) {
        return apiKey(provider)
                .orElseThrow(() -> KadrException.invalid("modelId", "catalog.provider.no_key", provider.name()));
    }

    private static boolean contains(CatalogModel model, String needle) {
        return model.name().toLowerCase(Locale.ROOT).contains(needle)
                || model.vendor().toLowerCase(Locale.ROOT).contains(needle)
                || model.description().toLowerCase(Locale.ROOT).contains(needle);
    }
}
