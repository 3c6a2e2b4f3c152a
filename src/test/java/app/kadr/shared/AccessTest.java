package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How {@link Access} answers from the holders the modules' rules give, without a database. */
class AccessTest {

    private final UUID anna = UUID.randomUUID();
    private final UUID boris = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private final UUID shot = UUID.randomUUID();
    private final UUID take = UUID.randomUUID();
    private final UUID trashedTake = UUID.randomUUID();

    /** Rules as modules write them: each knows only its own rows, live ones and trashed ones apart. */
    private final Map<OwnedKind, Rule> rules = new HashMap<>();

    private record Rule(OwnedKind kind, Map<UUID, AccessRule.Holder> live, Map<UUID, AccessRule.Holder> trashed)
            implements AccessRule {

        @Override
        public Optional<Holder> holderOf(UUID id, boolean inTrash) {
            return Optional.ofNullable((inTrash ? trashed : live).get(id));
        }
    }

    private Rule rule(OwnedKind kind) {
        return rules.computeIfAbsent(kind, k -> new Rule(k, new HashMap<>(), new HashMap<>()));
    }

    private Access access() {
        Arrays.stream(OwnedKind.values()).forEach(this::rule);
        return new Access(new ArrayList<>(rules.values()));
    }

    private void annasProjectWithAShotAndTakes() {
        rule(OwnedKind.PROJECT).live().put(project, AccessRule.Holder.person(anna));
        rule(OwnedKind.SHOT).live().put(shot, AccessRule.Holder.inside(OwnedKind.PROJECT, project));
        rule(OwnedKind.ASSET).live().put(take, AccessRule.Holder.inside(OwnedKind.SHOT, shot));
        rule(OwnedKind.ASSET).trashed().put(trashedTake, AccessRule.Holder.inside(OwnedKind.SHOT, shot));
    }

    @Test
    void theOwnerGetsTheObjectWithItsShotAndProject() {
        annasProjectWithAShotAndTakes();

        Owned owned = access().require(anna, OwnedKind.ASSET, take);

        assertThat(owned).isEqualTo(new Owned(OwnedKind.ASSET, take, project, shot));
        assertThat(access().ownerOf(OwnedKind.ASSET, take)).contains(anna);
    }

    @Test
    void anotherPersonAndAnUnknownIdAreTheSameNotFound() {
        annasProjectWithAShotAndTakes();
        Access access = access();

        assertThatThrownBy(() -> access.require(boris, OwnedKind.ASSET, take))
                .isInstanceOfSatisfying(
                        KadrException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        assertThatThrownBy(() -> access.require(anna, OwnedKind.ASSET, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        KadrException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
    }

    @Test
    void theTrashIsAskedForOnlyOfTheObjectItsHoldersMustBeLive() {
        annasProjectWithAShotAndTakes();
        Access access = access();

        assertThat(access.requireTrashed(anna, OwnedKind.ASSET, trashedTake).shotId())
                .isEqualTo(shot);
        assertThatThrownBy(() -> access.require(anna, OwnedKind.ASSET, trashedTake))
                .isInstanceOf(KadrException.class);
        assertThatThrownBy(() -> access.requireTrashed(anna, OwnedKind.ASSET, take))
                .isInstanceOf(KadrException.class);

        rule(OwnedKind.SHOT).trashed().put(shot, rule(OwnedKind.SHOT).live().remove(shot));
        assertThatThrownBy(() -> access.requireTrashed(anna, OwnedKind.ASSET, trashedTake))
                .as("a take of a trashed shot is gone with the shot")
                .isInstanceOf(KadrException.class);
        assertThat(access.ownerOf(OwnedKind.ASSET, take)).isEmpty();
    }

    @Test
    void everyKindNeedsExactlyOneRule() {
        List<AccessRule> none = List.of();
        assertThatThrownBy(() -> new Access(none)).hasMessageContaining("No access rule for PROJECT");

        List<AccessRule> twice = new ArrayList<>();
        Arrays.stream(OwnedKind.values()).forEach(kind -> twice.add(rule(kind)));
        twice.add(new Rule(OwnedKind.SHOT, Map.of(), Map.of()));
        assertThatThrownBy(() -> new Access(twice)).hasMessageContaining("Two access rules for SHOT");
    }

    @Test
    void rulesThatPointInACircleFailLoudlyInsteadOfLooping() {
        rule(OwnedKind.SHOT).live().put(shot, AccessRule.Holder.inside(OwnedKind.PROJECT, project));
        rule(OwnedKind.PROJECT).live().put(project, AccessRule.Holder.inside(OwnedKind.SHOT, shot));

        Access access = access();

        assertThatThrownBy(() -> access.require(anna, OwnedKind.SHOT, shot))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("circle");
    }
}
