package app.kadr.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the three timeline formats back as an editing system would, into the same list of events (what plays,
 * for how many frames, from which record frame), so that tests can say that they add up.
 */
final class Timelines {

    /** One piece of the record side: a clip of a file, or black ({@code file} null). */
    record Event(String file, long recordIn, long frames, List<String> markers) {}

    private static final Pattern EDL_EVENT =
            Pattern.compile("^(\\d{3,})  (\\S+)\\s+(\\S+)\\s+C\\s+(\\S+) (\\S+) (\\S+) (\\S+)$");
    private static final Pattern FCPX_TIME = Pattern.compile("^(\\d+)(?:/(\\d+))?s$");

    private Timelines() {}

    static long frames(String timecode, int fps) {
        String[] parts = timecode.split(":");
        return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60 + Long.parseLong(parts[2])) * fps
                + Long.parseLong(parts[3]);
    }

    static List<Event> edl(String text, int fps) {
        assertThat(text).startsWith("TITLE: ").contains("FCM: NON-DROP FRAME");
        List<Event> events = new ArrayList<>();
        String file = null;
        for (String line : text.split("\r\n")) {
            Matcher event = EDL_EVENT.matcher(line);
            if (event.matches()) {
                long sourceFrames = frames(event.group(5), fps) - frames(event.group(4), fps);
                long recordIn = frames(event.group(6), fps);
                long recordFrames = frames(event.group(7), fps) - recordIn;
                assertThat(sourceFrames)
                        .as("source and record lengths of " + line)
                        .isEqualTo(recordFrames);
                assertThat(event.group(2)).isIn("AX", "BL");
                events.add(
                        new Event(event.group(2).equals("BL") ? null : "?", recordIn, recordFrames, new ArrayList<>()));
            } else if (line.startsWith("* FROM CLIP NAME: ")) {
                Event last = events.removeLast();
                events.add(new Event(line.substring(18), last.recordIn(), last.frames(), last.markers()));
            } else if (line.startsWith("* LOC: ")) {
                events.getLast().markers().add(line.substring(7 + 11 + 9));
            }
        }
        return events;
    }

    static List<Event> fcpxml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("fcpxml");
        assertThat(root.getAttribute("version")).isEqualTo("1.10");
        assertThat(document.getDoctype().getName()).isEqualTo("fcpxml");
        Element sequence = (Element) document.getElementsByTagName("sequence").item(0);
        Element format = byId(document, "format", sequence.getAttribute("format"));
        int fps = (int) Math.round(1 / seconds(format.getAttribute("frameDuration")));
        List<Event> events = new ArrayList<>();
        Element spine = (Element) sequence.getElementsByTagName("spine").item(0);
        for (Node node = spine.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element item) {
                assertThat(item.getTagName()).isIn("asset-clip", "gap");
                String file = null;
                if (item.getTagName().equals("asset-clip")) {
                    Element asset = byId(document, "asset", item.getAttribute("ref"));
                    Element rep =
                            (Element) asset.getElementsByTagName("media-rep").item(0);
                    file = rep.getAttribute("src");
                }
                List<String> markers = new ArrayList<>();
                var marks = item.getElementsByTagName("marker");
                for (int i = 0; i < marks.getLength(); i++) {
                    markers.add(((Element) marks.item(i)).getAttribute("value"));
                }
                events.add(new Event(
                        file,
                        Math.round(seconds(item.getAttribute("offset")) * fps),
                        Math.round(seconds(item.getAttribute("duration")) * fps),
                        markers));
            }
        }
        long total = events.stream().mapToLong(Event::frames).sum();
        assertThat(Math.round(seconds(sequence.getAttribute("duration")) * fps)).isEqualTo(total);
        return events;
    }

    static List<Event> otio(byte[] bytes) {
        JsonNode timeline = JsonMapper.builder().build().readTree(bytes);
        assertThat(timeline.path("OTIO_SCHEMA").asString()).isEqualTo("Timeline.1");
        JsonNode stack = timeline.path("tracks");
        assertThat(stack.path("OTIO_SCHEMA").asString()).isEqualTo("Stack.1");
        JsonNode track = stack.path("children").get(0);
        assertThat(track.path("OTIO_SCHEMA").asString()).isEqualTo("Track.1");
        assertThat(track.path("kind").asString()).isEqualTo("Video");
        long record = time(timeline.path("global_start_time"));
        List<Event> events = new ArrayList<>();
        for (JsonNode item : track.path("children")) {
            String schema = item.path("OTIO_SCHEMA").asString();
            assertThat(schema).isIn("Clip.2", "Gap.1");
            String file = null;
            if (schema.equals("Clip.2")) {
                JsonNode reference = item.path("media_references")
                        .path(item.path("active_media_reference_key").asString());
                assertThat(reference.path("OTIO_SCHEMA").asString()).isEqualTo("ExternalReference.1");
                file = reference.path("target_url").asString();
            }
            JsonNode range = item.path("source_range");
            assertThat(range.path("OTIO_SCHEMA").asString()).isEqualTo("TimeRange.1");
            List<String> markers = new ArrayList<>();
            for (JsonNode marker : item.path("markers")) {
                assertThat(marker.path("OTIO_SCHEMA").asString()).isEqualTo("Marker.2");
                markers.add(marker.path("comment").asString());
            }
            long frames = time(range.path("duration"));
            events.add(new Event(file, record, frames, markers));
            record += frames;
        }
        return events;
    }

    private static long time(JsonNode rational) {
        assertThat(rational.path("OTIO_SCHEMA").asString()).isEqualTo("RationalTime.1");
        return Math.round(rational.path("value").asDouble());
    }

    private static Element byId(Document document, String tag, String id) {
        var all = document.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("id").equals(id)) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("No " + tag + " with id " + id);
    }

    private static double seconds(String time) {
        Matcher matcher = FCPX_TIME.matcher(time);
        assertThat(matcher.matches()).as("a time in FCPXML's form: " + time).isTrue();
        return Double.parseDouble(matcher.group(1))
                / (matcher.group(2) == null ? 1 : Double.parseDouble(matcher.group(2)));
    }
}
