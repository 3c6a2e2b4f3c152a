package app.kadr.asset;

import app.kadr.shared.KadrException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the gallery shows: the words to find in prompts and the filters, all optional. Built from the raw query
 * parameters of the page and the API alike, so both refuse the same bad input with the same Russian messages.
 *
 * @param from the first day shown, inclusive (UTC)
 * @param to the last day shown, inclusive (UTC)
 */
public record GalleryFilter(
        @Nullable String q,
        @Nullable String kind,
        @Nullable UUID projectId,
        @Nullable UUID modelId,
        @Nullable UUID providerId,
        @Nullable Boolean favourite,
        @Nullable Boolean headliner,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    static final int MAX_QUERY = 200;
    static final List<String> KINDS = List.of("image", "video");

    public static GalleryFilter none() {
        return new GalleryFilter(null, null, null, null, null, null, null, null, null);
    }

    public static GalleryFilter parse(
            @Nullable String q,
            @Nullable String kind,
            @Nullable String projectId,
            @Nullable String modelId,
            @Nullable String providerId,
            @Nullable String favourite,
            @Nullable String headliner,
            @Nullable String from,
            @Nullable String to) {
        String words = blankToNull(q);
        if (words != null && words.length() > MAX_QUERY) {
            throw KadrException.invalid("q", "gallery.q.too_long", MAX_QUERY);
        }
        String k = blankToNull(kind);
        if (k != null && !KINDS.contains(k)) {
            throw KadrException.invalid("kind", "asset.kind.invalid");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw KadrException.invalid("to", "gallery.dates.reversed");
        }
        return new GalleryFilter(
                words,
                k,
                id("projectId", projectId),
                id("modelId", modelId),
                id("providerId", providerId),
                flag("favourite", favourite),
                flag("headliner", headliner),
                first,
                last);
    }

    /** The words of the query, lower-cased, as the H2 fallback matches them. */
    List<String> words() {
        return q == null
                ? List.of()
                : Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .filter(w -> !w.isEmpty())
                        .toList();
    }

    boolean isEmpty() {
        return equals(none());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable UUID id(String field, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw KadrException.invalid(field, "gallery.id.invalid", field);
        }
    }

    private static @Nullable Boolean flag(String field, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw KadrException.invalid(field, "gallery.flag.invalid", field);
        };
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw KadrException.invalid(field, "gallery.date.invalid", field);
        }
    }
}
