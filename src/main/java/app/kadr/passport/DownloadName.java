package app.kadr.passport;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The name a downloaded passport gets: the project title, "паспорт" and the date. Browsers that read RFC 6266
 * {@code filename*} keep the Russian title; the plain {@code filename} carries a transliterated ASCII copy for
 * the rest. Anything that could escape a folder or break a header is replaced by a dash.
 */
record DownloadName(String ascii, String unicode) {

    private static final int MAX_TITLE = 60;
    private static final Map<Character, String> LATIN = latin();

    static DownloadName of(String projectTitle, String word, LocalDate date, String extension) {
        String title = safe(projectTitle);
        String unicode = (title.isEmpty() ? "" : title + "-") + word + "-" + date + "." + extension;
        String asciiTitle = safe(transliterate(projectTitle));
        String ascii = (asciiTitle.isEmpty() ? "" : asciiTitle + "-") + safe(transliterate(word)) + "-" + date + "."
                + extension;
        return new DownloadName(ascii, unicode);
    }

    /** The Content-Disposition value that saves the file under this name. */
    String contentDisposition() {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(unicode);
    }

    /** Letters and digits of any script stay; runs of anything else become one dash; no dash at either end. */
    private static String safe(String text) {
        String dashed = text.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (dashed.length() > MAX_TITLE) {
            dashed = dashed.substring(0, MAX_TITLE).replaceAll("-+$", "");
        }
        return dashed;
    }

    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char lower = Character.toLowerCase(c);
            String latin = LATIN.get(lower);
            if (latin == null) {
                out.append(c);
            } else if (c != lower && !latin.isEmpty()) {
                out.append(Character.toUpperCase(latin.charAt(0))).append(latin.substring(1));
            } else {
                out.append(latin);
            }
        }
        // Letters with accents (é, ñ) lose them; whatever is still not ASCII is dropped.
        String stripped = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^\\x20-\\x7E]", "");
    }

    /** RFC 5987 value: every byte outside attr-char is %XX. */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static Map<Character, String> latin() {
        String[] pairs = {
            "а:a", "б:b", "в:v", "г:g", "д:d", "е:e", "ё:e", "ж:zh", "з:z", "и:i", "й:y", "к:k", "л:l", "м:m", "н:n",
            "о:o", "п:p", "р:r", "с:s", "т:t", "у:u", "ф:f", "х:kh", "ц:ts", "ч:ch", "ш:sh", "щ:shch", "ъ:", "ы:y",
            "ь:", "э:e", "ю:yu", "я:ya"
        };
        Map<Character, String> map = new java.util.HashMap<>();
        for (String pair : pairs) {
            map.put(pair.charAt(0), pair.substring(2));
        }
        return Map.copyOf(map);
    }
}
