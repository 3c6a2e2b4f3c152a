package app.kadr.script;

import app.kadr.element.Element;
import app.kadr.element.Handle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches the names a script gives its cast to the project's element library: by @handle or by name, and also where
 * a description mentions an element by either. A name the library lacks becomes a proposed new element when it
 * comes back in two shots or more (once is too little to be worth keeping consistent).
 */
final class CastMatcher {

    static final int REPEATED = 2;
    /** Names shorter than this are not looked for inside descriptions: too many false hits («Ян» in «январь»). */
    static final int MIN_NAME_IN_TEXT = 3;

    private static final Pattern NOT_IN_HANDLE = Pattern.compile("[^\\p{L}\\p{N}_-]+");

    private final List<Element> library;

    CastMatcher(List<Element> library) {
        this.library = library;
    }

    record Cast(List<ProposedShot> shots, List<ProposedElement> newElements) {}

    Cast match(List<Draft> drafts) {
        return match(drafts, Map.of());
    }

    /** With the kind a reader already knows for some names (the agent says which are locations or props). */
    Cast match(List<Draft> drafts, Map<String, String> kinds) {
        List<Set<String>> known = new ArrayList<>();
        List<Set<String>> unknown = new ArrayList<>();
        Map<String, String> unknownNames = new LinkedHashMap<>();
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            Set<String> found = new LinkedHashSet<>();
            Set<String> missing = new LinkedHashSet<>();
            for (String name : draft.names()) {
                Optional<Element> element = byName(name);
                if (element.isPresent()) {
                    found.add(element.get().handle());
                } else {
                    handleOf(name).ifPresent(handle -> {
                        missing.add(Handle.key(handle));
                        unknownNames.putIfAbsent(Handle.key(handle), name);
                    });
                }
            }
            found.addAll(mentionedIn(draft.title() + " " + draft.description()));
            missing.forEach(key -> uses.merge(key, 1, Integer::sum));
            known.add(found);
            unknown.add(missing);
        }
        Map<String, ProposedElement> proposed = new LinkedHashMap<>();
        uses.forEach((key, count) -> {
            if (count >= REPEATED) {
                String name = unknownNames.get(key);
                proposed.put(
                        key,
                        new ProposedElement(
                                handleOf(name).orElseThrow(),
                                displayName(name),
                                kinds.getOrDefault(key, "character"),
                                count));
            }
        });
        List<ProposedShot> shots = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            List<String> elements = new ArrayList<>(known.get(i));
            unknown.get(i).stream()
                    .map(proposed::get)
                    .filter(java.util.Objects::nonNull)
                    .forEach(p -> elements.add(p.handle()));
            shots.add(
                    new ProposedShot(draft.title(), draft.description(), draft.durationMs(), draft.camera(), elements));
        }
        return new Cast(shots, List.copyOf(proposed.values()));
    }

    private Optional<Element> byName(String name) {
        String bare = name.startsWith("@") ? name.substring(1) : name;
        String key = bare.strip().toLowerCase(Locale.ROOT);
        return library.stream()
                .filter(e -> Handle.key(e.handle()).equals(key)
                        || e.name().strip().toLowerCase(Locale.ROOT).equals(key)
                        || handleOf(bare)
                                .map(Handle::key)
                                .filter(Handle.key(e.handle())::equals)
                                .isPresent())
                .findFirst();
    }

    /** The library's elements a text names, by @handle or (whole words) by handle or name. */
    private Set<String> mentionedIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Element element : library) {
            if (named(lower, element.handle()) || named(lower, element.name())) {
                found.add(element.handle());
            }
        }
        return found;
    }

    private static boolean named(String lowerText, String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.length() < MIN_NAME_IN_TEXT) {
            return lowerText.contains("@" + key);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])@?" + Pattern.quote(key) + "(?![\\p{L}\\p{N}_])")
                .matcher(lowerText)
                .find();
    }

    /** «АНЯ» → «Аня», «MARY JANE» → «Mary_Jane», «@Маяк» → «Маяк»: a handle the library accepts, if one can be made. */
    static Optional<String> handleOf(String name) {
        String words = displayName(name);
        String handle =
                NOT_IN_HANDLE.matcher(words.strip().replaceAll("\\s+", "_")).replaceAll("");
        while (!handle.isEmpty() && !Character.isLetter(handle.charAt(0))) {
            handle = handle.substring(1);
        }
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(handle.length() > 40 ? handle.substring(0, 40) : handle);
    }

    /** A cue written in capitals as a name is written: each word capitalised. */
    static String displayName(String name) {
        String bare = (name.startsWith("@") ? name.substring(1) : name).strip();
        if (bare.chars().anyMatch(Character::isLowerCase)) {
            return bare;
        }
        StringBuilder out = new StringBuilder();
        for (String word : bare.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return out.toString();
    }
}
