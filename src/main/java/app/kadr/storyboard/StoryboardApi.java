package app.kadr.storyboard;

import app.kadr.account.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class StoryboardApi {

    record NewShot(
            @Nullable String title,
            @Nullable String description,
            @Nullable Integer position) {}

    record Order(@Nullable List<UUID> shotIds, @Nullable Long version) {}

    /**
     * Several shots of one project at once: a new status, a new place from {@code position} on, the trash, or
     * another project.
     */
    record Selection(
            @Nullable List<UUID> shotIds,
            @Nullable String status,
            @Nullable Integer position,
            @Nullable UUID targetProjectId) {}

    private final StoryboardService storyboard;
    private final ShotSelection selection;

    StoryboardApi(StoryboardService storyboard, ShotSelection selection) {
        this.storyboard = storyboard;
        this.selection = selection;
    }

    @GetMapping("/projects/{projectId}/shots")
    Storyboard shots(CurrentUser me, @PathVariable UUID projectId) {
        return storyboard.storyboard(me.id(), projectId);
    }

    @PostMapping("/projects/{projectId}/shots")
    @ResponseStatus(HttpStatus.CREATED)
    Shot add(CurrentUser me, @PathVariable UUID projectId, @RequestBody(required = false) @Nullable NewShot body) {
        NewShot shot = body == null ? new NewShot(null, null, null) : body;
        return storyboard.add(me.id(), projectId, shot.title(), shot.description(), shot.position());
    }

    @PutMapping("/projects/{projectId}/shots/order")
    Storyboard reorder(CurrentUser me, @PathVariable UUID projectId, @RequestBody Order body) {
        return storyboard.reorder(me.id(), projectId, body.shotIds(), body.version());
    }

    @PostMapping("/projects/{projectId}/shots/status")
    Storyboard setStatus(CurrentUser me, @PathVariable UUID projectId, @RequestBody Selection body) {
        selection.setStatus(me.id(), projectId, body.shotIds(), body.status());
        return storyboard.storyboard(me.id(), projectId);
    }

    @PostMapping("/projects/{projectId}/shots/move")
    Storyboard move(CurrentUser me, @PathVariable UUID projectId, @RequestBody Selection body) {
        selection.moveTo(me.id(), projectId, body.shotIds(), body.position());
        return storyboard.storyboard(me.id(), projectId);
    }

    /** Answers the storyboard the shots left; the project they went to lists them at its end. */
    @PostMapping("/projects/{projectId}/shots/transfer")
    Storyboard transfer(CurrentUser me, @PathVariable UUID projectId, @RequestBody Selection body) {
        selection.moveToProject(me.id(), projectId, body.shotIds(), body.targetProjectId());
        return storyboard.storyboard(me.id(), projectId);
    }

    @PostMapping("/projects/{projectId}/shots/trash")
    Storyboard trash(CurrentUser me, @PathVariable UUID projectId, @RequestBody Selection body) {
        selection.moveToTrash(me.id(), projectId, body.shotIds());
        return storyboard.storyboard(me.id(), projectId);
    }

    @GetMapping("/shots/{shotId}")
    Shot get(CurrentUser me, @PathVariable UUID shotId) {
        return storyboard.get(me.id(), shotId);
    }

    @PatchMapping("/shots/{shotId}")
    Shot update(CurrentUser me, @PathVariable UUID shotId, @RequestBody Map<String, Object> body) {
        return storyboard.update(me.id(), shotId, ShotChanges.fromJson(body));
    }

    @DeleteMapping("/shots/{shotId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID shotId) {
        storyboard.moveToTrash(me.id(), shotId);
    }

    @PostMapping("/shots/{shotId}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    Shot duplicate(CurrentUser me, @PathVariable UUID shotId) {
        return storyboard.duplicate(me.id(), shotId);
    }

    @PostMapping("/shots/{shotId}/restore")
    Shot restore(CurrentUser me, @PathVariable UUID shotId) {
        return storyboard.restore(me.id(), shotId);
    }
}
