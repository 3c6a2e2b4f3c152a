package app.kadr.script;

import app.kadr.element.Handle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain text into one shot per paragraph. A paragraph whose first line is short and followed by more is a
 * titled shot («Шот 3. Маяк в шторм» / its text); otherwise the first sentence names it. Sentences that direct the
 * camera become the camera note; @mentions are its cast.
 */
final class PlainTextReader {

    static final int MAX_TITLE_LINE = 80;
    static final int TITLE_LENGTH = 60;

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:шот|кадр|сцена|shot|scene)\\s*)?\\d{1,4}\\s*[.:)\\-—–]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private PlainTextReader() {}

    static List<Draft> read(String text) {
        List<Draft> drafts = new ArrayList<>();
        for (List<String> block : FountainReader.blocks(text)) {
            String first = block.getFirst().strip();
            boolean titled = block.size() > 1 && first.length() <= MAX_TITLE_LINE;
            List<String> lines = titled ? block.subList(1, block.size()) : block;
            List<String> action = new ArrayList<>();
            List<String> camera = new ArrayList<>();
            for (String sentence : SENTENCE_END.split(
                    String.join(" ", lines.stream().map(String::strip).toList()))) {
                if (!sentence.isBlank()) {
                    (CameraNotes.isCamera(sentence) ? camera : action).add(sentence.strip());
                }
            }
            String description = String.join(" ", action);
            String title = titled ? withoutNumbering(first) : firstSentence(withoutNumbering(description));
            drafts.add(new Draft(
                    title,
                    description,
                    Durations.estimate(description),
                    String.join(" ", camera),
                    mentions(first + " " + description)));
        }
        return drafts;
    }

    /** The first sentence, cut at a word to fit a title. */
    static String firstSentence(String text) {
        String sentence = SENTENCE_END.split(text.strip(), 2)[0].strip();
        if (sentence.length() <= TITLE_LENGTH) {
            return sentence.replaceAll("[.…]+$", "");
        }
        int cut = sentence.lastIndexOf(' ', TITLE_LENGTH);
        return sentence.substring(0, cut > 0 ? cut : TITLE_LENGTH).strip() + "…";
    }

    /** The @handles a text mentions, in order, each once. */
    static List<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher mention = Handle.MENTION.matcher(text);
        while (mention.find()) {
            names.add(mention.group(1));
        }
        return List.copyOf(names);
    }

    private static String withoutNumbering(String line) {
        String stripped = NUMBERING.matcher(line).replaceFirst("").strip();
        return stripped.isEmpty() ? line.strip() : stripped;
    }
}
