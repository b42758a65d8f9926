package org.csonline.onboarding.support;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Insert-or-update written in SQL that both H2 and PostgreSQL accept: neither knows the other's upsert
 * ({@code MERGE ... KEY} is H2's, {@code INSERT ... ON CONFLICT} PostgreSQL's). Inserts run in a savepoint, so when a
 * request on another instance inserted the same key first, the duplicate-key error leaves the caller's transaction
 * usable (PostgreSQL aborts a whole transaction on any error otherwise).
 */
@Component
public class Upserts {

    private final TransactionTemplate savepoint;
    private final TransactionTemplate transaction;

    public Upserts(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Updates the row; when there is none, inserts it (or updates the one a concurrent request just inserted). */
    public void updateOrInsert(IntSupplier update, Runnable insert) {
        if (update.getAsInt() > 0 || insertIfAbsent(insert)) {
            return;
        }
        if (update.getAsInt() == 0) {
            throw new IllegalStateException("Row neither updated nor inserted");
        }
    }

    /** Inserts the row unless one with its key exists; returns whether it inserted. */
    public boolean insertIfAbsent(Runnable insert) {
        try {
            savepoint.executeWithoutResult(status -> insert.run());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Runs {@code work} in one transaction (the caller's, if it has one), for a read-modify-write that locks its row
     * with {@code select ... for update} so that concurrent requests on any instance take turns.
     */
    public <T> T atomically(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
