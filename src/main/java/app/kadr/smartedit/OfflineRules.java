package app.kadr.smartedit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rewrites a prompt without AI, deterministically, for the common requests in Russian and English: a property of
 * the shot (focal length, time of day, weather, season, angle, shot size, style) replaces the prompt's old value or
 * is added when there is none; «замени X на Y», «убери X» and «добавь X» edit the words; the aspect ratio becomes a
 * parameter; anything else is appended as a plain instruction clause. The vocabulary is data, in
 * {@code smartedit/offline-rules.json}, so a new word needs no code.
 */
@Component
class OfflineRules {

    static final String RULES = "/smartedit/offline-rules.json";

    /** What one rule did, for the explanation. {@code subject} is a slot id for {@link Kind#CHANGED}. */
    record Step(Kind kind, String subject, @Nullable String from, String to) {}

    enum Kind {
        CHANGED,
        REPLACED,
        ADDED,
        REMOVED,
        ABSENT,
        PARAM,
        CLAUSE
    }

    record Result(String prompt, Map<String, Object> paramChanges, List<Step> steps) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern REPLACE = Pattern.compile(
            "^(?:замени(?:те|ть)?|поменяй(?:те)?|смени(?:те)?|replace|swap|change)\\s+(.+?)\\s+(?:на|with|for|to|by)\\s+(.+)$",
            FLAGS);
    private static final Pattern REMOVE = Pattern.compile(
            "^(?:убери(?:те)?|удали(?:те)?|убрать|удалить|remove|delete|drop|get rid of)\\s+(.+)$", FLAGS);
    private static final Pattern ADD =
            Pattern.compile("^(?:добавь(?:те)?|добавить|дорисуй(?:те)?|add|include|put)\\s+(.+)$", FLAGS);
    private static final Pattern ARTICLE = Pattern.compile("^(?:the|a|an)\\s+", FLAGS);
    private static final Pattern DANGLING =
            Pattern.compile("\\s+(?:with|and|a|an|the|in|и|с|со|в|во)(?=\\s*(?:[,.;]|$))", FLAGS);
    private static final Pattern INSTEAD = Pattern.compile("вместо|instead of", FLAGS);
    private static final Pattern FILLER =
            Pattern.compile("^(?:пожалуйста|please|сделай(?:те)?|make it|make)\\s+", FLAGS);

    /** A value of a slot; a {@code fallback} one (free «в стиле X») counts only when no other value is named. */
    private record Value(
            List<Pattern> request,
            List<Pattern> prompt,
            Map<String, String> say,
            Map<String, String> add,
            boolean fallback) {}

    private record Slot(String id, List<Value> values) {}

    private record Ratio(List<Pattern> request, String value) {}

    private record Hit(
            int start, int end, Value value, @Nullable String group) {

        int length() {
            return end - start;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();

    OfflineRules() {
        try (InputStream in = OfflineRules.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException(RULES + " is missing");
            }
            JsonNode rules = JsonMapper.builder().build().readTree(in);
            for (JsonNode slot : rules.get("slots")) {
                List<Value> values = new ArrayList<>();
                for (JsonNode value : slot.get("values")) {
                    List<Pattern> request = patterns(value.get("request"));
                    List<Pattern> prompt = value.has("prompt") ? patterns(value.get("prompt")) : request;
                    Map<String, String> say = words(value.get("say"));
                    values.add(new Value(
                            request,
                            prompt,
                            say,
                            value.has("add") ? words(value.get("add")) : say,
                            value.path("fallback").asBoolean(false)));
                }
                slots.add(new Slot(slot.get("id").asString(), values));
            }
            for (JsonNode ratio : rules.get("aspectRatio")) {
                ratios.add(new Ratio(
                        patterns(ratio.get("request")), ratio.get("value").asString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result rewrite(String prompt, String instruction) {
        String request =
                FILLER.matcher(instruction.strip().replaceAll("[.!\\s]+$", "")).replaceFirst("");
        Edit edit = new Edit(prompt.strip(), Language.of(prompt.isBlank() ? instruction : prompt));
        // Slots and the aspect ratio both apply to one request («вертикально, ночь»), hence | rather than ||.
        if (!replace(request, edit) && !remove(request, edit) && !(slots(request, edit) | ratio(request, edit))) {
            Matcher add = ADD.matcher(request);
            if (add.matches()) {
                edit.append(add.group(1));
                edit.steps.add(new Step(Kind.ADDED, "", null, add.group(1)));
            } else {
                String clause = edit.language.clause(instruction.strip().replaceAll("[.!\\s]+$", ""));
                edit.append(clause);
                edit.steps.add(new Step(Kind.CLAUSE, "", null, clause));
            }
        }
        return new Result(tidy(edit.prompt), edit.params, List.copyOf(edit.steps));
    }

    private boolean replace(String request, Edit edit) {
        Matcher m = REPLACE.matcher(request);
        if (!m.matches()) {
            return false;
        }
        String old = m.group(1).strip();
        String wanted = m.group(2).strip();
        if (slots(wanted, edit)) {
            return true;
        }
        Pattern found = locate(edit.prompt, old);
        if (found != null) {
            Matcher occurrence = found.matcher(edit.prompt);
            occurrence.find();
            edit.steps.add(new Step(Kind.REPLACED, "", occurrence.group(), wanted));
            edit.prompt = found.matcher(edit.prompt).replaceAll(Matcher.quoteReplacement(wanted));
        } else {
            String clause = edit.language.instead(wanted, old);
            edit.append(clause);
            edit.steps.add(new Step(Kind.CLAUSE, "", null, clause));
        }
        return true;
    }

    private boolean remove(String request, Edit edit) {
        Matcher m = REMOVE.matcher(request);
        if (!m.matches()) {
            return false;
        }
        String detail = ARTICLE.matcher(m.group(1).strip()).replaceFirst("");
        Pattern found = locate(edit.prompt, detail);
        if (found != null) {
            Matcher occurrence = found.matcher(edit.prompt);
            occurrence.find();
            edit.steps.add(new Step(Kind.REMOVED, "", null, occurrence.group()));
            edit.prompt = found.matcher(edit.prompt).replaceAll("");
            String before;
            do {
                before = edit.prompt;
                edit.prompt = DANGLING.matcher(before).replaceAll("");
            } while (!before.equals(edit.prompt));
        } else {
            String clause = edit.language.without(detail);
            edit.append(clause);
            edit.steps.add(new Step(Kind.ABSENT, "", null, clause));
        }
        return true;
    }

    /** Sets every slot the request names; true when it named at least one. */
    private boolean slots(String request, Edit edit) {
        boolean any = false;
        boolean insteadOf = INSTEAD.matcher(request).find();
        for (Slot slot : slots) {
            List<Hit> asked =
                    hits(request, slot.values.stream().filter(v -> !v.fallback).toList(), true);
            if (asked.isEmpty()) {
                asked = hits(
                        request, slot.values.stream().filter(Value::fallback).toList(), true);
            }
            if (asked.isEmpty()) {
                continue;
            }
            any = true;
            Hit target = insteadOf ? asked.getFirst() : asked.getLast();
            String say = target.value.say.get(edit.language.code()).replace("{1}", nonNull(target.group));
            List<Hit> present = hits(edit.prompt, slot.values, false);
            if (present.isEmpty()) {
                String add = target.value.add.get(edit.language.code()).replace("{1}", nonNull(target.group));
                edit.append(add);
                edit.steps.add(new Step(Kind.CHANGED, slot.id, null, add));
                continue;
            }
            String from = edit.prompt.substring(present.getFirst().start, present.getFirst().end);
            StringBuilder out = new StringBuilder(edit.prompt);
            for (Hit old : present.reversed()) {
                out.replace(old.start, old.end, say);
            }
            edit.prompt = out.toString();
            edit.steps.add(new Step(Kind.CHANGED, slot.id, from, say));
        }
        return any;
    }

    private boolean ratio(String request, Edit edit) {
        for (Ratio ratio : ratios) {
            for (Pattern pattern : ratio.request) {
                Matcher m = pattern.matcher(request);
                if (m.find()) {
                    String value = ratio.value.replace("{1}", m.groupCount() > 0 ? normalRatio(m.group(1)) : "");
                    edit.params.put("aspectRatio", value);
                    edit.steps.add(new Step(Kind.PARAM, "aspectRatio", null, value));
                    return true;
                }
            }
        }
        return false;
    }

    /** The matches of a slot's values in a text, longest first where they overlap («extreme close-up»). */
    private static List<Hit> hits(String text, List<Value> values, boolean request) {
        List<Hit> all = new ArrayList<>();
        for (Value value : values) {
            for (Pattern pattern : request ? value.request : value.prompt) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    all.add(new Hit(m.start(), m.end(), value, m.groupCount() > 0 ? m.group(1) : null));
                }
            }
        }
        all.sort(Comparator.comparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::length).reversed()));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : all) {
            if (kept.isEmpty() || hit.start >= kept.getLast().end) {
                kept.add(hit);
            }
        }
        return kept;
    }

    /** A pattern for a phrase in the prompt: as written, else (Russian) by word stems, so «шляпу» finds «шляпа». */
    private static @Nullable Pattern locate(String prompt, String phrase) {
        Pattern exact = bounded(Pattern.quote(phrase));
        if (exact.matcher(prompt).find()) {
            return exact;
        }
        List<String> stems = new ArrayList<>();
        for (String word : phrase.split("\\s+")) {
            stems.add(
                    word.length() >= 4
                            ? Pattern.quote(word.substring(0, word.length() - 2)) + "\\w{0,4}"
                            : Pattern.quote(word));
        }
        Pattern stemmed = bounded(String.join("\\s+", stems));
        return stemmed.matcher(prompt).find() ? stemmed : null;
    }

    private static Pattern bounded(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])", FLAGS);
    }

    private static List<Pattern> patterns(JsonNode node) {
        List<Pattern> patterns = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(p -> patterns.add(bounded(p.asString())));
        } else {
            node.forEach(list -> list.forEach(p -> patterns.add(bounded(p.asString()))));
        }
        return patterns;
    }

    private static Map<String, String> words(JsonNode node) {
        return Map.of("en", node.get("en").asString(), "ru", node.get("ru").asString());
    }

    private static String normalRatio(String ratio) {
        return ratio.replaceAll("\\s", "").replaceAll("[/x×]", ":");
    }

    private static String nonNull(@Nullable String group) {
        return group == null ? "" : group.strip();
    }

    private static String tidy(String prompt) {
        return prompt.replaceAll("\\s+([,.;])", "$1")
                .replaceAll("([,;])(?:\\s*[,;])+", "$1")
                .replaceAll("\\s{2,}", " ")
                .replaceAll("^[\\s,;]+|[\\s,;]+$", "");
    }

    /** The prompt being edited and what was done to it. */
    private static final class Edit {
        String prompt;
        final Language language;
        final Map<String, Object> params = new LinkedHashMap<>();
        final List<Step> steps = new ArrayList<>();

        Edit(String prompt, Language language) {
            this.prompt = prompt;
            this.language = language;
        }

        void append(String clause) {
            String base = prompt.replaceAll("[\\s.,;]+$", "");
            prompt = base.isEmpty() ? clause : base + ", " + clause;
        }
    }

    /** The prompt's language: the wording added keeps it, so a Russian prompt stays Russian. */
    enum Language {
        EN,
        RU;

        static Language of(String text) {
            long cyrillic = text.codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
                    .count();
            long latin = text.codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
                    .count();
            return cyrillic > latin ? RU : EN;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String clause(String instruction) {
            return this == RU ? "изменение: " + instruction : "change: " + instruction;
        }

        String instead(String wanted, String old) {
            return this == RU ? wanted + " вместо " + old : wanted + " instead of " + old;
        }

        String without(String detail) {
            return this == RU ? "без " + detail : "without " + detail;
        }
    }
}
