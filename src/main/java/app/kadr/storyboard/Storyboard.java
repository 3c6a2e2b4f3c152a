package app.kadr.storyboard;

import app.kadr.shared.Timecode;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's shots in order, with the version of that order that a reorder must name, and the film's running
 * time (the sum of the shots' durations).
 */
public record Storyboard(List<Shot> items, long version, long runtimeMs) {

    public Storyboard(List<Shot> items, long version) {
        this(items, version, items.stream().mapToLong(Shot::durationMs).sum());
    }

    /** Where each shot starts on the film, as a short clock («1:05»): computed once for a whole grid. */
    @JsonIgnore
    public Map<UUID, String> starts() {
        Map<UUID, String> starts = new HashMap<>();
        long at = 0;
        for (Shot shot : items) {
            starts.put(shot.id(), Timecode.clock(at));
            at += shot.durationMs();
        }
        return starts;
    }

    @JsonIgnore
    public String runtimeLabel() {
        return Timecode.clock(runtimeMs);
    }
}
