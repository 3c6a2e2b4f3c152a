package app.kadr.smartedit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A word-level diff of two prompts, for showing what a smart edit changed: kept, removed and added words. */
public final class WordDiff {

    public enum Change {
        SAME,
        REMOVED,
        ADDED
    }

    /** One word of the diff; words are whitespace-separated, punctuation stays with its word. */
    public record Word(String text, Change change) {}

    private WordDiff() {}

    static List<Word> of(String before, String after) {
        List<String> old = words(before);
        List<String> now = words(after);
        List<Word> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            while (at < delta.getSource().getPosition()) {
                out.add(new Word(old.get(at++), Change.SAME));
            }
            delta.getSource().getLines().forEach(w -> out.add(new Word(w, Change.REMOVED)));
            delta.getTarget().getLines().forEach(w -> out.add(new Word(w, Change.ADDED)));
            at += delta.getSource().size();
        }
        while (at < old.size()) {
            out.add(new Word(old.get(at++), Change.SAME));
        }
        return out;
    }

    private static List<String> words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
