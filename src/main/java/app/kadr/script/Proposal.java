package app.kadr.script;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shots a script was read into, waiting for its author to edit and confirm them. */
public record Proposal(
        UUID id,
        UUID projectId,
        String format,
        boolean byAgent,
        List<ProposedShot> shots,
        List<ProposedElement> newElements,
        Instant expiresAt) {}
