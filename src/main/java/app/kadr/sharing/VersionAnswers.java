package app.kadr.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The client's answers on a whole published version, as the owner's share panel counts them: «12 утверждено · 3 на
 * доработку · 5 без ответа», and the favourites picked among candidates.
 *
 * @param version the version's number, as the client saw it («Версия 3»)
 * @param publishedAt when it was published
 * @param approved shots of the version the client approved («Утверждено»)
 * @param changes shots the client sent back («Нужны правки»)
 * @param unanswered shots of the version without an answer
 * @param picks the favourites the client chose among candidates, in the version's order
 */
public record VersionAnswers(
        int version, Instant publishedAt, int approved, int changes, int unanswered, List<Picked> picks) {

    /** The day it was published, as «12 декабря». */
    @JsonIgnore
    public String day() {
        return new PublishedVersion(version, publishedAt).day();
    }

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
