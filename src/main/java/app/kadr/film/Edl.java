package app.kadr.film;

import java.io.IOException;
import java.io.Writer;

/**
 * The cut as a CMX 3600 edit decision list: one event per clip (reel {@code AX}, the file named in a
 * {@code * FROM CLIP NAME} comment, as Premiere and Resolve write and relink them), black ({@code BL}) where a shot
 * has no media or its video ends early, and the client's comments as locators ({@code * LOC}).
 */
final class Edl {

    private Edl() {}

    static void write(Cut cut, Writer out) throws IOException {
        int fps = cut.fps();
        out.write("TITLE: " + oneLine(cut.name()) + "\r\n");
        out.write("FCM: NON-DROP FRAME\r\n\r\n");
        long record = Frames.programmeStart(fps);
        int event = 0;
        for (Cut.Shot shot : cut.shots()) {
            long shotStart = record;
            if (shot.media() != null) {
                Cut.Media media = shot.media();
                event(out, ++event, "AX", media.video() ? "AA/V" : "V", shot.clipFrames(), record, fps);
                out.write("* FROM CLIP NAME: " + media.fileName() + "\r\n");
                record += shot.clipFrames();
            }
            if (shot.gapFrames() > 0) {
                event(out, ++event, "BL", "V", shot.gapFrames(), record, fps);
                record += shot.gapFrames();
            }
            out.write("* COMMENT: " + shot.number() + ". " + oneLine(shot.title()) + "\r\n");
            for (String note : shot.notes()) {
                out.write("* LOC: " + Frames.timecode(shotStart, fps) + " YELLOW  " + oneLine(note) + "\r\n");
            }
            out.write("\r\n");
        }
    }

    private static void event(Writer out, int number, String reel, String channels, int frames, long record, int fps)
            throws IOException {
        out.write("%03d  %-8s %-5s C        %s %s %s %s\r\n"
                .formatted(
                        number,
                        reel,
                        channels,
                        Frames.timecode(0, fps),
                        Frames.timecode(frames, fps),
                        Frames.timecode(record, fps),
                        Frames.timecode(record + frames, fps)));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
