package app.kadr.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "Ответы клиента по опубликованной версии")
public record VersionAnswers(
        @Schema(description = "Номер версии («Версия 3»)") int version,
        @Schema(description = "Когда версия опубликована") Instant publishedAt,
        @Schema(description = "Шотов «Утверждено»") int approved,
        @Schema(description = "Шотов «Нужны правки»") int changes,
        @Schema(description = "Шотов без ответа") int unanswered,

        @Schema(description = "Выбранные клиентом варианты, в порядке шотов")
        List<Picked> picks) {

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

            @Schema(description = "Буква варианта, как его видел клиент", example = "B")
            String letter,

            @Schema(description = "Причина выбора, если клиент её написал") @Nullable
            String reason,

            @Schema(description = "Ассет выбранного варианта")
            UUID assetId,

            @Schema(description = "Он уже хедлайнер шота") boolean headliner) {}
}
