package app.kadr.generation;

import app.kadr.account.CurrentUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Takes built on replaced element versions, and their regeneration with the new ones. */
@RestController
class StaleApi {

    record RegenerateRequest(@Nullable Boolean dryRun) {}

    private final StaleTakes stale;

    StaleApi(StaleTakes stale) {
        this.stale = stale;
    }

    @GetMapping("/api/v1/projects/{projectId}/stale")
    StaleTakes.Report list(CurrentUser me, @PathVariable UUID projectId) {
        return stale.list(me.id(), projectId);
    }

    @PostMapping("/api/v1/projects/{projectId}/stale/regenerate")
    StaleTakes.Report regenerate(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestBody(required = false) @Nullable RegenerateRequest body) {
        return stale.regenerate(me.id(), projectId, body == null || !Boolean.FALSE.equals(body.dryRun()));
    }
}
