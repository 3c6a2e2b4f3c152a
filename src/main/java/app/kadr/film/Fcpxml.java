package app.kadr.film;

import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The cut as Final Cut Pro XML 1.10 (also read by DaVinci Resolve): one asset per headliner, whose media sits next
 * to the file ({@code media-rep src} relative to it), a project whose spine holds a clip per shot, a gap where a
 * shot has no media or its video ends early, and the client's comments as markers. Times are rational seconds in
 * whole frames ({@code 75/25s}), as the format asks.
 */
final class Fcpxml {

    private Fcpxml() {}

    static void write(Cut cut, Writer out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        int fps = cut.fps();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeDTD("\n<!DOCTYPE fcpxml>\n");
        xml.writeStartElement("fcpxml");
        xml.writeAttribute("version", "1.10");
        xml.writeStartElement("resources");
        xml.writeEmptyElement("format");
        xml.writeAttribute("id", "r0");
        xml.writeAttribute("frameDuration", time(1, fps));
        for (Cut.Shot shot : cut.shots()) {
            if (shot.media() != null) {
                asset(xml, shot, fps);
            }
        }
        xml.writeEndElement();
        xml.writeStartElement("library");
        xml.writeStartElement("event");
        xml.writeAttribute("name", cut.name());
        xml.writeStartElement("project");
        xml.writeAttribute("name", cut.name());
        xml.writeStartElement("sequence");
        xml.writeAttribute("format", "r0");
        xml.writeAttribute("duration", time(cut.totalFrames(), fps));
        xml.writeAttribute("tcStart", time(Frames.programmeStart(fps), fps));
        xml.writeAttribute("tcFormat", "NDF");
        xml.writeStartElement("spine");
        long offset = Frames.programmeStart(fps);
        for (Cut.Shot shot : cut.shots()) {
            boolean marked = false;
            if (shot.media() != null) {
                xml.writeStartElement("asset-clip");
                xml.writeAttribute("ref", "r" + shot.number());
                clipTimes(xml, shot.title(), offset, 0, shot.clipFrames(), fps);
                markers(xml, shot, 0, fps);
                marked = true;
                xml.writeEndElement();
                offset += shot.clipFrames();
            }
            if (shot.gapFrames() > 0) {
                xml.writeStartElement("gap");
                long start = Frames.programmeStart(fps);
                clipTimes(xml, shot.title(), offset, start, shot.gapFrames(), fps);
                if (!marked) {
                    markers(xml, shot, start, fps);
                }
                xml.writeEndElement();
                offset += shot.gapFrames();
            }
        }
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void asset(XMLStreamWriter xml, Cut.Shot shot, int fps) throws XMLStreamException {
        Cut.Media media = shot.media();
        xml.writeStartElement("asset");
        xml.writeAttribute("id", "r" + shot.number());
        xml.writeAttribute("name", media.fileName());
        xml.writeAttribute("start", "0s");
        xml.writeAttribute("duration", media.video() ? time(media.frames(), fps) : "0s");
        xml.writeAttribute("hasVideo", "1");
        if (media.video()) {
            xml.writeAttribute("format", "r0");
            xml.writeAttribute("hasAudio", "1");
        }
        xml.writeEmptyElement("media-rep");
        xml.writeAttribute("kind", "original-media");
        // A relative address: the hand-off's names are plain ASCII and need no escaping.
        xml.writeAttribute("src", media.fileName());
        xml.writeEndElement();
    }

    private static void clipTimes(XMLStreamWriter xml, String name, long offset, long start, int frames, int fps)
            throws XMLStreamException {
        xml.writeAttribute("name", name);
        xml.writeAttribute("offset", time(offset, fps));
        xml.writeAttribute("start", time(start, fps));
        xml.writeAttribute("duration", time(frames, fps));
    }

    private static void markers(XMLStreamWriter xml, Cut.Shot shot, long start, int fps) throws XMLStreamException {
        for (String note : shot.notes()) {
            xml.writeEmptyElement("marker");
            xml.writeAttribute("start", time(start, fps));
            xml.writeAttribute("duration", time(1, fps));
            xml.writeAttribute("value", note);
        }
    }

    /** A time in whole frames as FCPXML writes it. */
    static String time(long frames, int fps) {
        return frames == 0 ? "0s" : frames + "/" + fps + "s";
    }
}
