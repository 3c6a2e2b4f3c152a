package app.kadr.script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Fountain screenplay (fountain.io/syntax) into one shot per scene: the scene heading («INT. КУХНЯ — ДЕНЬ»,
 * «ИНТ.», «НАТ.», or a forced «.ХОЛМ») is its title, the action paragraphs its description, the character cues its
 * cast; camera directions in the action become its camera note. Dialogue, transitions, sections, synopses, notes and
 * the title page are not shot descriptions and are left out. Action before the first heading makes a shot of its own.
 */
final class FountainReader {

    private static final Pattern HEADING = Pattern.compile(
            "^(?:\\.(?=[\\p{L}\\p{N}])|(?:INT\\.?/EXT|INT/EXT|I/E|INT|EXT|EST|ИНТ\\.?/НАТ|ИНТ|НАТ|ЭКСТ)[.\\s])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SCENE_NUMBER = Pattern.compile("\\s*#[^#]*#\\s*$");
    private static final Pattern TITLE_PAGE_KEY = Pattern.compile("^[\\p{L} ]+:");
    private static final Pattern EXTENSION = Pattern.compile("\\s*(\\([^)]*\\)|\\^)\\s*");
    private static final Pattern NOTE = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);
    private static final Pattern BONEYARD = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private FountainReader() {}

    static List<Draft> read(String script) {
        String text = BONEYARD.matcher(NOTE.matcher(script).replaceAll("")).replaceAll("");
        List<List<String>> blocks = withoutTitlePage(blocks(text));
        List<Draft> drafts = new ArrayList<>();
        Scene scene = null;
        for (List<String> block : blocks) {
            String first = block.getFirst().strip();
            if (HEADING.matcher(first).find()) {
                if (scene != null) {
                    drafts.add(scene.draft());
                }
                scene = new Scene(heading(first));
                block.subList(1, block.size()).forEach(scene::action);
                continue;
            }
            if (ignored(first)) {
                continue;
            }
            if (scene == null) {
                scene = new Scene("");
            }
            if (isCharacterCue(block)) {
                scene.names.add(characterName(first));
            } else {
                block.forEach(scene::action);
            }
        }
        if (scene != null) {
            drafts.add(scene.draft());
        }
        return drafts.stream()
                .filter(d -> !d.title().isEmpty() || !d.description().isEmpty())
                .toList();
    }

    /** A scene as it is read: the heading, action sentences and camera notes so far, and who speaks in it. */
    private static final class Scene {
        final String heading;
        final List<String> action = new ArrayList<>();
        final List<String> camera = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();

        Scene(String heading) {
            this.heading = heading;
        }

        void action(String line) {
            String text = line.strip();
            if (text.startsWith("!")) {
                text = text.substring(1).strip();
            }
            if (text.startsWith(">") && text.endsWith("<")) {
                text = text.substring(1, text.length() - 1).strip();
            }
            if (text.isEmpty()) {
                return;
            }
            (CameraNotes.isCamera(text) ? camera : action).add(text);
        }

        Draft draft() {
            String description = String.join(" ", action);
            String title = heading.isEmpty() ? PlainTextReader.firstSentence(description) : heading;
            return new Draft(
                    title,
                    description,
                    Durations.estimate(description),
                    String.join(" ", camera),
                    List.copyOf(withMentions(description)));
        }

        private Set<String> withMentions(String description) {
            Set<String> all = new LinkedHashSet<>(names);
            all.addAll(PlainTextReader.mentions(description));
            return all;
        }
    }

    /** Paragraphs: lines between blank lines, each paragraph's lines kept apart. */
    static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** The title page is the first paragraph when it starts «Title:», «Author:» and the like. */
    private static List<List<String>> withoutTitlePage(List<List<String>> blocks) {
        if (!blocks.isEmpty()
                && TITLE_PAGE_KEY.matcher(blocks.getFirst().getFirst()).find()
                && !HEADING.matcher(blocks.getFirst().getFirst()).find()) {
            return blocks.subList(1, blocks.size());
        }
        return blocks;
    }

    private static String heading(String line) {
        String heading = line.startsWith(".") ? line.substring(1) : line;
        return SCENE_NUMBER.matcher(heading).replaceAll("").strip();
    }

    /** Transitions («CUT TO:», «> FADE OUT.»), sections («#»), synopses («=») and page breaks («===»). */
    private static boolean ignored(String first) {
        return first.startsWith("#")
                || first.startsWith("=")
                || (first.startsWith(">") && !first.endsWith("<"))
                || (isUpperCase(first) && (first.endsWith("TO:") || first.endsWith("В:") || first.endsWith("ЗТМ.")));
    }

    /** A character cue: an upper-case line (or one forced with «@») right above dialogue. */
    private static boolean isCharacterCue(List<String> block) {
        String first = block.getFirst().strip();
        return block.size() > 1 && (first.startsWith("@") || isUpperCase(first)) && !CameraNotes.isCamera(first);
    }

    private static String characterName(String cue) {
        String name = cue.startsWith("@") ? cue.substring(1) : cue;
        return EXTENSION.matcher(name).replaceAll(" ").strip();
    }

    private static boolean isUpperCase(String line) {
        String letters = line.replaceAll("\\([^)]*\\)", "");
        return letters.chars().anyMatch(Character::isLetter) && letters.chars().noneMatch(Character::isLowerCase);
    }
}
