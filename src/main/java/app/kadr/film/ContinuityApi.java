package app.kadr.film;

import app.kadr.account.CurrentUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sources for a generation that continues from the previous shot; the client then sends them as sources. */
@RestController
class ContinuityApi {

    record Request(@Nullable UUID modelId) {}

    private final Continuity continuity;

    ContinuityApi(Continuity continuity) {
        this.continuity = continuity;
    }

    @PostMapping("/api/v1/shots/{shotId}/continuity")
    Continuity.Sources fromPrevious(
            CurrentUser me, @PathVariable UUID shotId, @RequestBody(required = false) @Nullable Request body) {
        return continuity.fromPrevious(me.id(), shotId, body == null ? null : body.modelId());
    }
}
