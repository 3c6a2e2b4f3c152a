package app.kadr.localengine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The time of day and the kind of place a draft shows, read cheaply from word stems in the prompt (Russian and
 * English). A mood also named in the negative prompt is never chosen; with no hint the seed decides.
 */
record Mood(TimeOfDay time, Terrain terrain) {

    /** A mood that words can ask for. */
    interface Named {
        List<String> stems();
    }

    enum TimeOfDay implements Named {
        DAY(List.of("день", "дневн", "полдень", "солн", "day", "noon", "sunny")),
        SUNSET(List.of(
                "закат", "рассвет", "вечер", "заря", "утр", "sunset", "sunrise", "dawn", "dusk", "evening", "morning")),
        NIGHT(List.of("ночь", "ночн", "полноч", "темн", "лун", "звёзд", "звезд", "night", "midnight", "dark", "moon"));

        private final List<String> stems;

        TimeOfDay(List<String> stems) {
            this.stems = stems;
        }

        @Override
        public List<String> stems() {
            return stems;
        }
    }

    /** Declared in order of precedence: a winter forest is snowy first of all. */
    enum Terrain implements Named {
        SNOW(List.of("снег", "снеж", "зим", "сугроб", "лёд", "лед", "snow", "winter", "ice", "frost")),
        PLAIN(List.of("поле", "полю", "поля", "луг", "степ", "равнин", "field", "meadow", "plain")),
        FOREST(List.of("лес", "дерев", "роща", "тайг", "forest", "tree", "wood", "jungle")),
        SEA(List.of("море", "морск", "океан", "озер", "озёр", "пляж", "берег", "sea", "ocean", "lake", "beach")),
        DESERT(List.of("пустын", "песок", "песч", "дюн", "desert", "sand", "dune")),
        CITY(List.of("город", "улиц", "дом", "здани", "небоскр", "city", "street", "town", "building"));

        private final List<String> stems;

        Terrain(List<String> stems) {
            this.stems = stems;
        }

        @Override
        public List<String> stems() {
            return stems;
        }
    }

    static Mood of(String prompt, @Nullable String negativePrompt, SplitMix dice) {
        Set<String> words = words(prompt);
        Set<String> avoided = negativePrompt == null ? Set.of() : words(negativePrompt);
        // A draft with no hint of the time is a readable day or a sunset, never an unasked-for dark night.
        TimeOfDay time =
                pick(TimeOfDay.values(), List.of(TimeOfDay.DAY, TimeOfDay.SUNSET, TimeOfDay.DAY), words, avoided, dice);
        Terrain terrain = pick(Terrain.values(), List.of(Terrain.values()), words, avoided, dice);
        return new Mood(time, terrain);
    }

    /**
     * The first value the prompt names and the negative prompt does not; else one of the unavoided defaults by the
     * seed; else any unavoided value, else the first value when the negative prompt avoids them all.
     */
    private static <E extends Enum<E> & Named> E pick(
            E[] values, List<E> defaults, Set<String> words, Set<String> avoided, SplitMix dice) {
        int roll = dice.between(0, 1 << 20);
        List<E> allowed =
                Stream.of(values).filter(value -> !mentions(avoided, value)).toList();
        for (E value : allowed) {
            if (mentions(words, value)) {
                return value;
            }
        }
        List<E> allowedDefaults = defaults.stream().filter(allowed::contains).toList();
        List<E> choices = !allowedDefaults.isEmpty() ? allowedDefaults : allowed.isEmpty() ? List.of(values) : allowed;
        return choices.get(roll % choices.size());
    }

    private static boolean mentions(Set<String> words, Named mood) {
        return words.stream().anyMatch(word -> mood.stems().stream().anyMatch(word::startsWith));
    }

    private static Set<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }
}
