package app.kadr.storage;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by every module whose tables hold blob keys: tells the sweep which keys are still someone's. A blob
 * that no implementation owns is an orphan (its row was never committed, or is gone) and is removed once old.
 */
public interface BlobOwners {

    /** The keys among the candidates that a row of this module names. */
    Set<String> owned(Collection<String> candidateKeys);
}
