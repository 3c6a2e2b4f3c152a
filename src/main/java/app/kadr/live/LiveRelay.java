package app.kadr.live;

import app.kadr.asset.AssetProcessed;
import app.kadr.asset.TakesChanged;
import app.kadr.generation.GenerationChanged;
import app.kadr.sharing.ClientAnswered;
import app.kadr.sharing.CommentAdded;
import app.kadr.sharing.CommentsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears what the other modules say happened and turns it into the events open pages listen for. It runs after the
 * change committed, so a page never fetches a change that is not there yet; the names are the ones the pages'
 * scripts know ({@code Kadr.live} in {@code kadr.js}).
 */
@Component
class LiveRelay {

    private final LiveFanout fanout;

    LiveRelay(LiveFanout fanout) {
        this.fanout = fanout;
    }

    @ApplicationModuleListener
    void on(TakesChanged changed) {
        fanout.send(changed.projectId(), new LiveEvent("shot", changed.shotId(), changed.assetId()));
    }

    @ApplicationModuleListener
    void on(AssetProcessed processed) {
        fanout.send(processed.projectId(), new LiveEvent("asset", processed.shotId(), processed.assetId()));
    }

    @ApplicationModuleListener
    void on(GenerationChanged changed) {
        fanout.send(changed.projectId(), new LiveEvent("generation", changed.shotId(), null));
    }

    @ApplicationModuleListener
    void on(CommentAdded added) {
        fanout.send(added.projectId(), new LiveEvent("comment", added.shotId(), null));
    }

    @ApplicationModuleListener
    void on(CommentsChanged changed) {
        fanout.send(changed.projectId(), new LiveEvent("comment-state", changed.shotId(), null));
    }

    @ApplicationModuleListener
    void on(ClientAnswered answered) {
        fanout.send(answered.projectId(), new LiveEvent("answer", answered.shotId(), null));
    }
}
