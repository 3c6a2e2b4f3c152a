package app.kadr.shared;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells other modules what happened in one, as an application event. Spring Modulith's registry writes each event
 * down in the transaction that publishes it and its listeners hear it once that transaction commits, so they never
 * hear of a change that is not there, nor miss one that is. A publisher outside any transaction (a job step between
 * its own writes) gets a short one of its own.
 */
@Component
public class DomainEvents {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    DomainEvents(ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Publishes within the caller's transaction, or within a new one when there is none. */
    public void publish(Object event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
    }
}
