package app.kadr.live;

import java.util.UUID;

/** One instance alone (the embedded H2 is never shared): the event goes straight to this instance's streams. */
class LocalFanout implements LiveFanout {

    private final LiveUpdates updates;

    LocalFanout(LiveUpdates updates) {
        this.updates = updates;
    }

    @Override
    public void send(UUID projectId, LiveEvent event) {
        updates.deliver(projectId, event);
    }
}
