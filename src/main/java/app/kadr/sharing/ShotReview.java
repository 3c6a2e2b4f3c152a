package app.kadr.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The client's answers on one shot in one published version, as the owner sees them: the approval («approved» or
 * «changes», with the client's comment), the candidates offered then, and the favourite among them.
 *
 * @param candidates the takes offered in that version, in order (the client saw them as «Вариант A», «B», …)
 * @param pick the favourite's place among {@code candidates}, 1-based
 */
@Schema(description = "Ответ клиента по шоту в одной опубликованной версии")
public record ShotReview(
        @Schema(description = "Номер версии") int version,

        @Schema(
                description = "Решение клиента; null — без ответа",
                allowableValues = {"approved", "changes"})
        @Nullable
        String decision,

        @Schema(description = "Комментарий к решению (обязателен при changes)") @Nullable
        String comment,

        @Schema(description = "Когда клиент ответил") @Nullable
        Instant decidedAt,

        @Schema(description = "Ассеты вариантов, предложенных в этой версии, по порядку (A, B, …)")
        List<UUID> candidates,

        @Schema(description = "Место выбранного варианта среди candidates, с 1") @Nullable
        Integer pick,

        @Schema(description = "Причина выбора") @Nullable String pickReason) {

    public static final String APPROVED = "approved";
    public static final String CHANGES = "changes";

    /** A candidate's name for people: «A» for the first, «D» for the fourth. */
    static String letter(int position) {
        return String.valueOf((char) ('A' + position - 1));
    }

    /** The favourite's asset, for making it the headliner. */
    @JsonProperty("pickAssetId")
    public @Nullable UUID pickAssetId() {
        return pick == null || pick > candidates.size() ? null : candidates.get(pick - 1);
    }

    @JsonIgnore
    public @Nullable String pickLetter() {
        return pick == null ? null : letter(pick);
    }
}
