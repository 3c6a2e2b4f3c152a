package app.kadr.catalog;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Rows;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An admin adds LoRA entries to the catalog, for providers whose API takes them (fal, Runware). */
@Service
class LoraAdmin {

    private static final Logger log = LoggerFactory.getLogger(LoraAdmin.class);

    private final Loras loras;
    private final Providers providers;

    LoraAdmin(Loras loras, Providers providers) {
        this.loras = loras;
        this.providers = providers;
    }

    @Transactional
    CatalogLora create(CurrentUser me, LoraChanges body) {
        Provider provider = providerOf(body);
        LoraWeights weights = LoraWeights.of(provider.kind())
                .orElseThrow(
                        () -> KadrException.invalid("provider", "catalog.lora.provider_unsupported", provider.name()));
        String externalId = LoraRules.externalId(provider.kind(), body.externalId());
        CatalogLora lora = new CatalogLora(
                UUID.randomUUID(),
                provider,
                externalId,
                LoraRules.name(body.name(), externalId),
                LoraRules.triggerWord(body.triggerWord()),
                LoraRules.weight(weights, body.defaultWeight(), "defaultWeight"),
                Rows.now());
        if (loras.exists(provider.id(), externalId)) {
            throw KadrException.conflict("catalog.lora.duplicate", externalId);
        }
        try {
            loras.insert(lora);
        } catch (DuplicateKeyException e) {
            throw KadrException.conflict("catalog.lora.duplicate", externalId);
        }
        log.info("LoRA {} of {} added by {}", externalId, provider.kind().code(), me.username());
        return loras.byId(lora.id()).orElseThrow();
    }

    private Provider providerOf(LoraChanges body) {
        if (body.providerId() != null) {
            return providers
                    .byId(body.providerId())
                    .orElseThrow(() -> KadrException.invalid("providerId", "catalog.model.provider_unknown"));
        }
        if (body.provider() != null && !body.provider().isBlank()) {
            ProviderKind kind = ProviderKind.of(body.provider().strip())
                    .orElseThrow(() -> KadrException.invalid(
                            "provider", "catalog.provider.kind_unknown", body.provider(), ProviderKind.codes()));
            return providers
                    .byKind(kind)
                    .orElseThrow(() -> KadrException.invalid("provider", "catalog.model.provider_unknown"));
        }
        throw KadrException.invalid("providerId", "catalog.model.provider_missing");
    }
}
