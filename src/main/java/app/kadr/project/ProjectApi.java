package app.kadr.project;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Page;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectApi {

    record ProjectRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable Integer fps,
            @Nullable String aspectRatio) {}

    private final ProjectService projects;

    ProjectApi(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    Page<ProjectSummary> list(
            CurrentUser me,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return projects.list(me.id(), cursor, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectSummary create(CurrentUser me, @RequestBody ProjectRequest body) {
        return projects.create(me.id(), body.name(), body.description());
    }

    @GetMapping("/{projectId}")
    ProjectSummary get(CurrentUser me, @PathVariable UUID projectId) {
        return projects.get(me.id(), projectId);
    }

    @PatchMapping("/{projectId}")
    ProjectSummary update(CurrentUser me, @PathVariable UUID projectId, @RequestBody ProjectRequest body) {
        return projects.update(me.id(), projectId, body.name(), body.description(), body.fps(), body.aspectRatio());
    }

    @DeleteMapping("/{projectId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID projectId) {
        projects.moveToTrash(me.id(), projectId);
    }

    @PostMapping("/{projectId}/restore")
    ProjectSummary restore(CurrentUser me, @PathVariable UUID projectId) {
        projects.restore(me.id(), projectId);
        return projects.get(me.id(), projectId);
    }
}
