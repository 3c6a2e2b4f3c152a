package app.kadr.element;

import app.kadr.asset.StaleTakeMarks;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the box which takes to mark «Устарело». The box has already checked the person may see the project; this
 * only reads which of its generations are behind their elements.
 */
@Component
class ElementStaleMarks implements StaleTakeMarks {

    private final ElementUses uses;

    ElementStaleMarks(ElementUses uses) {
        this.uses = uses;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> staleGenerations(UUID projectId) {
        return Set.copyOf(uses.stale(projectId).keySet());
    }
}
