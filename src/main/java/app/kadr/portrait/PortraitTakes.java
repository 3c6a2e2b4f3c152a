package app.kadr.portrait;

import app.kadr.element.ElementService;
import app.kadr.generation.Generation;
import app.kadr.generation.GenerationChanged;
import app.kadr.generation.GenerationService;
import app.kadr.shared.Access;
import app.kadr.shared.OwnedKind;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a portrait's generation ends, its take joins the character's references (a new version of the character) or
 * the view is marked as failed. Hears the generation module's change events after they committed; one cut short by a
 * stop is heard again at the next start, and at start every view still waiting is looked at once more, so a take is
 * never left out. Writing the outcome only once makes hearing an event twice harmless.
 */
@Component
class PortraitTakes {

    private static final Logger log = LoggerFactory.getLogger(PortraitTakes.class);
    private static final int ATTEMPTS = 5;

    private final Portraits portraits;
    private final GenerationService generations;
    private final ElementService elements;
    private final Access access;
    private final TransactionTemplate transactions;

    PortraitTakes(
            Portraits portraits,
            GenerationService generations,
            ElementService elements,
            Access access,
            PlatformTransactionManager transactions) {
        this.portraits = portraits;
        this.generations = generations;
        this.elements = elements;
        this.access = access;
        // A new one even when heard right after the generation's commit, whose resources are still bound then.
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Each try in a transaction of its own: three views ending together wait for one another on the character's row,
     * and one that waited too long tries again rather than losing its take.
     */
    @TransactionalEventListener
    void on(GenerationChanged changed) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(
                        status -> portraits.unsettled(changed.generationId()).ifPresent(this::settle));
                return;
            } catch (TransientDataAccessException | DuplicateKeyException busy) {
                if (attempt == ATTEMPTS) {
                    // Heard on the generation's own thread: its job must not fail for this. The view stays
                    // waiting, and the catch-up at the next start settles it.
                    log.warn("Portrait of generation {} left for the next start", changed.generationId(), busy);
                    return;
                }
                log.info(
                        "Portrait of generation {} waits for its character: {}",
                        changed.generationId(),
                        busy.toString());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        for (Portraits.Portrait waiting : portraits.allUnsettled()) {
            transactions.executeWithoutResult(status -> settle(waiting));
        }
    }

    /** Deals with a view whose generation may have ended; one still running is left for its next event. */
    private void settle(Portraits.Portrait portrait) {
        UUID ownerId = portrait.ownerId();
        if (access.ownerOf(OwnedKind.GENERATION, portrait.generationId())
                .filter(ownerId::equals)
                .isEmpty()) {
            portraits.settle(portrait.generationId(), "gone", null);
            return;
        }
        Generation generation = generations.get(ownerId, portrait.generationId());
        switch (generation.status()) {
            case "done" -> {
                UUID take = generation.assetIds().isEmpty()
                        ? null
                        : generation.assetIds().getFirst();
                ElementService.ReferenceAdded added = take == null
                        ? ElementService.ReferenceAdded.GONE
                        : elements.addReference(ownerId, portrait.elementId(), take);
                if (portraits.settle(portrait.generationId(), added.name().toLowerCase(Locale.ROOT), take)) {
                    log.info("Portrait {} of element {}: {}", portrait.angle(), portrait.elementId(), added);
                }
                // The views were made with the character's version before they joined it; joined, they are current.
                elements.adoptReferenceTakes(portrait.elementId(), portraits.addedTakes(portrait.elementId()));
            }
            case "failed", "cancelled" -> portraits.settle(portrait.generationId(), generation.status(), null);
            default -> {
                // still on its way: its next change says more
            }
        }
    }
}
