package app.kadr.sharing;

import app.kadr.account.CurrentUser;
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

    record Candidates(@Nullable List<UUID> assetIds) {}

    /** The status a client's answer gives a shot: a status name, or null to leave the status as it is. */
    record StatusFollows(
            @Nullable String approved, @Nullable String changes) {}

    private final ReviewService reviews;

    ReviewApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PutMapping("/shots/{shotId}/candidates")
    Candidates setCandidates(CurrentUser me, @PathVariable UUID shotId, @RequestBody Candidates body) {
        return new Candidates(reviews.setCandidates(me.id(), shotId, body.assetIds()));
    }

    @GetMapping("/shots/{shotId}/candidates")
    Candidates candidates(CurrentUser me, @PathVariable UUID shotId) {
        return new Candidates(reviews.candidates(me.id(), shotId));
    }

    /** The client's answers on the shot, one entry per version that asked, newest first. */
    @GetMapping("/shots/{shotId}/reviews")
    Map<String, List<ShotReview>> shotReviews(CurrentUser me, @PathVariable UUID shotId) {
        return Map.of("items", reviews.ofShot(me.id(), shotId));
    }

    /** The answers on one version of the project: counts and favourites. */
    @GetMapping("/projects/{projectId}/share-versions/answers")
    VersionAnswers versionAnswers(
            CurrentUser me, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable Integer version) {
        return reviews.ofVersion(me.id(), projectId, version);
    }

    /** The answers on every published version of the project, newest first: counts and favourites of each. */
    @GetMapping("/projects/{projectId}/share-versions/answers/all")
    Map<String, List<VersionAnswers>> allVersionAnswers(CurrentUser me, @PathVariable UUID projectId) {
        return Map.of("items", reviews.ofAllVersions(me.id(), projectId));
    }

    @PutMapping("/share-links/{linkId}/status-follows")
    @ResponseStatus(HttpStatus.OK)
    Map<String, @Nullable String> statusFollows(
            CurrentUser me, @PathVariable UUID linkId, @RequestBody StatusFollows body) {
        reviews.setStatusFollows(me.id(), linkId, body.approved(), body.changes());
        return reviews.statusFollows(me.id(), linkId);
    }
}
