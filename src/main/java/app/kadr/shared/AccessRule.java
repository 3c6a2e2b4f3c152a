package app.kadr.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * What {@link Access} asks the module that owns a kind's table: who holds one object of that kind. Each module
 * contributes one rule (a bean) per kind and reads only its own table; {@link Access} walks from holder to holder
 * (an asset is held by its shot, a shot by its project, a project by a person), so no module reads another's rows.
 */
public interface AccessRule {

    OwnedKind kind();

    /**
     * The holder of the object with this id, if it exists in the state asked for: live, or in the trash when
     * {@code trashed} (kinds without a trash answer empty then).
     */
    Optional<Holder> holderOf(UUID id, boolean trashed);

    /** Who or what an object belongs to: a person, or another owned object (which must be live). */
    sealed interface Holder {

        /** The object belongs to this person directly. */
        record Person(UUID id) implements Holder {}

        /** The object sits inside another one, whose holder decides. */
        record Inside(OwnedKind kind, UUID id) implements Holder {}

        static Holder person(UUID id) {
            return new Person(id);
        }

        static Holder inside(OwnedKind kind, UUID id) {
            return new Inside(kind, id);
        }
    }
}
