package app.kadr.sharing;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The client's answers on a whole published version, as the owner's share panel counts them: «12 утверждено · 3 на
 * доработку · 5 без ответа», and the favourites picked among candidates.
 */
public record VersionAnswers(int version, int approved, int changes, int unanswered, List<Picked> picks) {

    /** A favourite: which shot, which candidate, why, and whether it is the shot's headliner already. */
    public record Picked(
            UUID shotId,
            int shotNumber,
            String shotTitle,
            String letter,
            @Nullable String reason,
            UUID assetId,
            boolean headliner) {}
}
