package app.kadr.live;

import java.util.UUID;

/** Carries a page event to the open streams of every instance that serves the project's pages. */
interface LiveFanout {

    void send(UUID projectId, LiveEvent event);
}
