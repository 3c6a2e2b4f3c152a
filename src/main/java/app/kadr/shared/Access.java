package app.kadr.shared;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this person see or change this object", for every kind of thing a person owns
 * ({@link OwnedKind}). Anything that is not theirs, does not exist or is not in the state asked for (live, or in the
 * trash) answers {@link KadrException#notFound()}, never "forbidden", so that ids reveal nothing.
 *
 * <p>The owner SQL stays with the tables: each module contributes an {@link AccessRule} per kind it owns, saying
 * who holds one object (its shot, its project, a person). This class follows those holders up to a person and
 * compares. Whatever holds the object must itself be live: a take of a trashed shot is gone with the shot.
 *
 * <p>Admin-only actions are not objects and are not checked here: they carry {@code account.AdminOnly} (method
 * security).
 */
@Component
public class Access {

    /** Deeper than any real chain (comment → project → person); a longer walk means rules that point in a circle. */
    private static final int MAX_DEPTH = 8;

    private final Map<OwnedKind, AccessRule> rules = new EnumMap<>(OwnedKind.class);

    Access(List<AccessRule> contributed) {
        for (AccessRule rule : contributed) {
            AccessRule earlier = rules.put(rule.kind(), rule);
            if (earlier != null) {
                throw new IllegalStateException("Two access rules for " + rule.kind() + ": " + earlier + ", " + rule);
            }
        }
        for (OwnedKind kind : OwnedKind.values()) {
            if (!rules.containsKey(kind)) {
                throw new IllegalStateException("No access rule for " + kind + ": its module must contribute one");
            }
        }
    }

    /** The live object, if it is this person's; otherwise 404. */
    public Owned require(UUID personId, OwnedKind kind, UUID id) {
        return mine(personId, kind, id, false);
    }

    /** The object in the trash (inside a live parent), if it is this person's; otherwise 404. */
    public Owned requireTrashed(UUID personId, OwnedKind kind, UUID id) {
        return mine(personId, kind, id, true);
    }

    /**
     * The person a live object belongs to, for work that runs on nobody's request (a generation's job acting for
     * its owner); empty when the object or anything holding it is gone or in the trash.
     */
    public Optional<UUID> ownerOf(OwnedKind kind, UUID id) {
        return walk(kind, id, false).map(Found::person);
    }

    private Owned mine(UUID personId, OwnedKind kind, UUID id, boolean trashed) {
        return walk(kind, id, trashed)
                .filter(found -> found.person().equals(personId))
                .map(found -> new Owned(kind, id, found.projectId(), found.shotId()))
                .orElseThrow(KadrException::notFound);
    }

    private record Found(
            UUID person, @Nullable UUID projectId, @Nullable UUID shotId) {}

    private Optional<Found> walk(OwnedKind kind, UUID id, boolean trashed) {
        UUID projectId = null;
        UUID shotId = null;
        OwnedKind currentKind = kind;
        UUID current = id;
        boolean inTrash = trashed;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            projectId = currentKind == OwnedKind.PROJECT ? current : projectId;
            shotId = currentKind == OwnedKind.SHOT ? current : shotId;
            Optional<AccessRule.Holder> holder = rules.get(currentKind).holderOf(current, inTrash);
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            switch (holder.get()) {
                case AccessRule.Holder.Person person -> {
                    return Optional.of(new Found(person.id(), projectId, shotId));
                }
                case AccessRule.Holder.Inside parent -> {
                    currentKind = parent.kind();
                    current = parent.id();
                    inTrash = false;
                }
            }
        }
        throw new IllegalStateException("Access rules go round in a circle from " + kind + " " + id);
    }
}
