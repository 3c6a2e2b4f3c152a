package app.kadr.film;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the files an editor receives: {@code 010_<title>_take3.<ext>}, numbered in steps of ten so that shots
 * inserted later fit between, in plain Latin letters and digits so that every editing system and file system on
 * the way reads them the same (Cyrillic titles are transliterated).
 */
final class HandoffNames {

    private static final int MAX_TITLE = 40;

    private static final Map<Character, String> CYRILLIC = cyrillic();

    private HandoffNames() {}

    static String of(int shotNumber, int shotCount, String title, int take, String extension) {
        int width = Math.max(3, Integer.toString(shotCount * 10).length());
        String number = String.format(Locale.ROOT, "%0" + width + "d", shotNumber * 10);
        return number + "_" + safe(title) + "_take" + take + "." + extension;
    }

    /** The extension of a blob key ({@code ab/cd.mp4}), reduced to what a file name may carry. */
    static String extensionOf(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,5}") ? extension : "bin";
    }

    static String safe(String title) {
        StringBuilder latin = new StringBuilder();
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        String name = latin.toString().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.length() > MAX_TITLE) {
            name = name.substring(0, MAX_TITLE).replaceAll("_+$", "");
        }
        return name.isEmpty() ? "shot" : name;
    }

    private static Map<Character, String> cyrillic() {
        String from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
        String[] to = {
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
            "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"
        };
        Map<Character, String> map = new java.util.HashMap<>();
        for (int i = 0; i < from.length(); i++) {
            map.put(from.charAt(i), to[i]);
        }
        return Map.copyOf(map);
    }
}
