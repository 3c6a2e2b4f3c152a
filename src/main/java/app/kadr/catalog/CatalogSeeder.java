package app.kadr.catalog;

import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds what the studio should know and does not yet: a provider per {@link ProviderKind} and each model of
 * {@link SeedCatalog} by (provider, external id). It only inserts, never updates, so an admin's changes to a seeded
 * model survive restarts, while models added to the seed in a new release arrive on upgrade. A Flyway migration
 * (SQL or Java) runs once per database, so it could not deliver later additions without a migration per release, and
 * it would have to build the parameter schemas' JSON by hand instead of through {@link ParamSchema}. The seeder runs
 * once all beans exist and before the web server opens, so no request ever sees an empty catalog. Provider keys are
 * not seeded: {@link ProviderKeys} reads the environment at the moment of use.
 */
@Component
class CatalogSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final Providers providers;
    private final Models models;
    private final TransactionTemplate transaction;

    CatalogSeeder(Providers providers, Models models, TransactionTemplate transaction) {
        this.providers = providers;
        this.models = models;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> seed());
    }

    void seed() {
        Instant now = Rows.now();
        int addedProviders = 0;
        for (ProviderKind kind : ProviderKind.values()) {
            if (providers.byKind(kind).isEmpty()) {
                providers.insert(UUID.randomUUID(), kind, now);
                addedProviders++;
            }
        }
        int addedModels = 0;
        for (SeedCatalog.Seed seed : SeedCatalog.all()) {
            UUID providerId = providers.byKind(seed.kind()).orElseThrow().id();
            if (!models.exists(providerId, seed.model().externalId())) {
                models.insert(UUID.randomUUID(), providerId, seed.model(), now);
                addedModels++;
            } else if (seed.model().workflow() != null) {
                // Studios seeded before workflows were stored get the graph; a model an admin touched is left alone.
                models.fillWorkflow(
                        providerId, seed.model().externalId(), seed.model().workflow(), now);
            }
        }
        if (addedProviders + addedModels > 0) {
            log.info("Model catalog: added {} providers and {} models", addedProviders, addedModels);
        }
    }
}
