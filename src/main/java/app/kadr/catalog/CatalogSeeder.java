package app.kadr.catalog;

import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds what the studio should know and does not yet: a provider per {@link ProviderKind} and each model of the seed
 * files ({@link SeedFiles}) by (provider, external id). It only inserts, never updates, so an admin's changes to a seeded
 * model survive restarts, while models added to the seed in a new release arrive on upgrade. A Flyway migration
 * (SQL or Java) runs once per database, so it could not deliver later additions without a migration per release, and
 * it would have to build the parameter schemas' JSON by hand instead of through {@link ParamSchema}. The seeder runs
 * once all beans exist and before the web server opens, so no request ever sees an empty catalog; the files are read
 * and checked before the transaction, and a broken one stops the start. Provider keys are
 * not seeded: {@link ProviderKeys} reads the environment at the moment of use.
 */
@Component
class CatalogSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final Providers providers;
    private final Models models;
    private final TransactionTemplate transaction;
    private final SeedFiles files;

    CatalogSeeder(Providers providers, Models models, TransactionTemplate transaction, SeedFiles files) {
        this.providers = providers;
        this.models = models;
        this.transaction = transaction;
        this.files = files;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    void seed() {
        List<SeedFiles.Seed> seeds = files.all();
        transaction.executeWithoutResult(status -> add(seeds));
    }

    private void add(List<SeedFiles.Seed> seeds) {
        Instant now = Rows.now();
        int addedProviders = 0;
        for (ProviderKind kind : ProviderKind.values()) {
            if (providers.byKind(kind).isEmpty()) {
                providers.insert(UUID.randomUUID(), kind, now);
                addedProviders++;
            }
        }
        int addedModels = 0;
        for (SeedFiles.Seed seed : seeds) {
            UUID providerId = providers.byKind(seed.kind()).orElseThrow().id();
            ModelDraft model = seed.model();
            if (!models.exists(providerId, model.externalId())) {
                models.insert(UUID.randomUUID(), providerId, model, now);
                addedModels++;
                continue;
            }
            if (model.workflow() != null) {
                // Studios seeded before workflows were stored get the graph; a model an admin touched is left alone.
                models.fillWorkflow(providerId, model.externalId(), model.workflow(), now);
            }
            if (models.fillFieldMapping(providerId, model.externalId(), model.fieldMapping())) {
                log.info("Model catalog: {} learned the fields its seed maps", model.externalId());
            }
            if (model.typicalSeconds() != null) {
                // Studios seeded before the picker showed times learn them; an admin's own value is kept.
                models.fillTypicalSeconds(providerId, model.externalId(), model.typicalSeconds());
            }
        }
        if (addedProviders + addedModels > 0) {
            log.info("Model catalog: added {} providers and {} models", addedProviders, addedModels);
        }
    }
}
