package app.kadr.live;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Access;
import app.kadr.shared.OwnedKind;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveStream {

    private final LiveUpdates updates;
    private final Access access;

    LiveStream(LiveUpdates updates, Access access) {
        this.updates = updates;
        this.access = access;
    }

    @GetMapping(value = "/projects/{projectId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CurrentUser me, @PathVariable UUID projectId) {
        access.require(me.id(), OwnedKind.PROJECT, projectId);
        return updates.open(projectId);
    }
}
