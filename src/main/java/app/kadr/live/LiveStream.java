package app.kadr.live;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Ownership;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveStream {

    private final LiveUpdates updates;
    private final Ownership ownership;

    LiveStream(LiveUpdates updates, Ownership ownership) {
        this.updates = updates;
        this.ownership = ownership;
    }

    @GetMapping(value = "/projects/{projectId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CurrentUser me, @PathVariable UUID projectId) {
        ownership.requireProject(me.id(), projectId);
        return updates.open(projectId);
    }
}
