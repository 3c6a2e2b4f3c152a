package app.kadr.film;

import java.io.OutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cut as an OpenTimelineIO file ({@code .otio}, JSON): a {@code Timeline.1} whose one video {@code Track.1}
 * holds a {@code Clip.2} per headliner with an {@code ExternalReference.1} to the file next to it, a {@code Gap.1}
 * where a shot has no media or its video ends early, and the client's comments as {@code Marker.2}. Field names
 * follow OTIO's serialized schema; times are {@code RationalTime.1} in frames at the project's rate.
 */
final class Otio {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Otio() {}

    static void write(Cut cut, OutputStream out) {
        int fps = cut.fps();
        ArrayNode children = JSON.createArrayNode();
        for (Cut.Shot shot : cut.shots()) {
            boolean marked = false;
            if (shot.media() != null) {
                children.add(clip(shot, fps));
                marked = true;
            }
            if (shot.gapFrames() > 0) {
                ObjectNode gap = item("Gap.1", shot.title(), shot.gapFrames(), fps);
                if (!marked) {
                    markers(gap, shot, fps);
                }
                children.add(gap);
            }
        }
        ObjectNode track = item("Track.1", "V1", -1, fps);
        track.put("kind", "Video");
        track.set("children", children);
        ObjectNode stack = item("Stack.1", "tracks", -1, fps);
        stack.set("children", JSON.createArrayNode().add(track));
        ObjectNode timeline = JSON.createObjectNode();
        timeline.put("OTIO_SCHEMA", "Timeline.1");
        timeline.put("name", cut.name());
        timeline.set("metadata", JSON.createObjectNode());
        timeline.set("global_start_time", time(Frames.programmeStart(fps), fps));
        timeline.set("tracks", stack);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, timeline);
    }

    private static ObjectNode clip(Cut.Shot shot, int fps) {
        Cut.Media media = shot.media();
        ObjectNode reference = JSON.createObjectNode();
        reference.put("OTIO_SCHEMA", "ExternalReference.1");
        reference.put("name", media.fileName());
        reference.put("target_url", media.fileName());
        reference.set("available_range", media.video() ? range(0, media.frames(), fps) : null);
        reference.set("available_image_bounds", null);
        reference.set("metadata", JSON.createObjectNode());
        ObjectNode clip = item("Clip.2", shot.title(), shot.clipFrames(), fps);
        clip.set("media_references", JSON.createObjectNode().set("DEFAULT_MEDIA", reference));
        clip.put("active_media_reference_key", "DEFAULT_MEDIA");
        markers(clip, shot, fps);
        return clip;
    }

    /** The fields every OTIO item has; {@code frames} below zero leaves its range to its children. */
    private static ObjectNode item(String schema, String name, int frames, int fps) {
        ObjectNode item = JSON.createObjectNode();
        item.put("OTIO_SCHEMA", schema);
        item.put("name", name);
        item.set("metadata", JSON.createObjectNode());
        item.set("source_range", frames < 0 ? null : range(0, frames, fps));
        item.set("effects", JSON.createArrayNode());
        item.set("markers", JSON.createArrayNode());
        item.put("enabled", true);
        return item;
    }

    private static void markers(ObjectNode item, Cut.Shot shot, int fps) {
        ArrayNode markers = (ArrayNode) item.get("markers");
        for (String note : shot.notes()) {
            ObjectNode marker = JSON.createObjectNode();
            marker.put("OTIO_SCHEMA", "Marker.2");
            marker.put("name", note);
            marker.put("comment", note);
            marker.put("color", "YELLOW");
            marker.set("marked_range", range(0, 0, fps));
            marker.set("metadata", JSON.createObjectNode());
            markers.add(marker);
        }
    }

    private static ObjectNode range(long start, long frames, int fps) {
        ObjectNode range = JSON.createObjectNode();
        range.put("OTIO_SCHEMA", "TimeRange.1");
        range.set("start_time", time(start, fps));
        range.set("duration", time(frames, fps));
        return range;
    }

    private static ObjectNode time(long frames, int fps) {
        ObjectNode time = JSON.createObjectNode();
        time.put("OTIO_SCHEMA", "RationalTime.1");
        time.put("rate", (double) fps);
        time.put("value", (double) frames);
        return time;
    }
}
