package app.kadr.sharing;

import app.kadr.account.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's API for the client's answers: candidates offered, approvals and picks per version, status rules. */
@RestController
@RequestMapping("/api/v1")
class ReviewApi {

    record Candidates(
            @Schema(
                    description = "2–4 готовые картинки или видео этого шота по порядку (A, B, …); пустой список —"
                            + " убрать выбор")
            @Nullable
            List<UUID> assetIds) {}

    /** The status a client's answer gives a shot: a status name, or null to leave the status as it is. */
    record StatusFollows(
            @Schema(description = "Статус шота после «Утверждено»; null или keep — не менять", example = "done")
            @Nullable
            String approved,

            @Schema(
                    description = "Статус шота после «Нужны правки»; null или keep — не менять",
                    example = "in_progress")
            @Nullable
            String changes) {}

    private final ReviewService reviews;

    ReviewApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PutMapping("/shots/{shotId}/candidates")
    @Operation(
            summary = "Предложить клиенту варианты шота",
            description = "Клиент увидит их со следующей опубликованной версии; хедлайнер студия сама не меняет.")
    Candidates setCandidates(CurrentUser me, @PathVariable UUID shotId, @RequestBody Candidates body) {
        return new Candidates(reviews.setCandidates(me.id(), shotId, body.assetIds()));
    }

    @GetMapping("/shots/{shotId}/candidates")
    Candidates candidates(CurrentUser me, @PathVariable UUID shotId) {
        return new Candidates(reviews.candidates(me.id(), shotId));
    }

    /** The client's answers on the shot, one entry per version that asked, newest first. */
    @GetMapping("/shots/{shotId}/reviews")
    @Operation(summary = "Ответы клиента по шоту во всех версиях", description = "Новые версии первыми.")
    Map<String, List<ShotReview>> shotReviews(CurrentUser me, @PathVariable UUID shotId) {
        return Map.of("items", reviews.ofShot(me.id(), shotId));
    }

    /** The answers on one version of the project: counts and favourites. */
    @GetMapping("/projects/{projectId}/share-versions/answers")
    @Operation(
            summary = "Ответы клиента по одной версии",
            description = "«12 утверждено · 3 на доработку · 5 без ответа» и выбранные варианты; version обязателен.")
    VersionAnswers versionAnswers(
            CurrentUser me, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable Integer version) {
        return reviews.ofVersion(me.id(), projectId, version);
    }

    /** The answers on every published version of the project, newest first: counts and favourites of each. */
    @GetMapping("/projects/{projectId}/share-versions/answers/all")
    @Operation(
            summary = "Ответы клиента по каждой опубликованной версии",
            description = "items — по версии на элемент, новые первыми; старые версии хранят свои ответы.")
    Map<String, List<VersionAnswers>> allVersionAnswers(CurrentUser me, @PathVariable UUID projectId) {
        return Map.of("items", reviews.ofAllVersions(me.id(), projectId));
    }

    @PutMapping("/share-links/{linkId}/status-follows")
    @Operation(summary = "Как ответ клиента по этой ссылке меняет статус шота")
    @ResponseStatus(HttpStatus.OK)
    Map<String, @Nullable String> statusFollows(
            CurrentUser me, @PathVariable UUID linkId, @RequestBody StatusFollows body) {
        reviews.setStatusFollows(me.id(), linkId, body.approved(), body.changes());
        return reviews.statusFollows(me.id(), linkId);
    }
}
