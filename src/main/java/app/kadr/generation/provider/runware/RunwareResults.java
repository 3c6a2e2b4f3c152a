package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderResult;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task's finished items as results. An item Runware flagged as {@code NSFWContent} is left out (its
 * image is blacked out); when every item was flagged the request counts as refused by moderation.
 */
final class RunwareResults {

    private static final Map<String, String> MIME_BY_FORMAT = Map.of(
            "JPG", "image/jpeg", "JPEG", "image/jpeg", "PNG", "image/png", "WEBP", "image/webp", "MP4", "video/mp4");

    private RunwareResults() {}

    static List<ProviderResult> of(List<RunwareJson.Item> items, @Nullable String mimeType, String body)
            throws ProviderException {
        List<ProviderResult> results = new ArrayList<>();
        for (RunwareJson.Item item : items) {
            String url = item.url();
            if (!Boolean.TRUE.equals(item.nsfwContent()) && url != null && !url.isBlank()) {
                results.add(ProviderResult.at(address(url), mimeType, item.seed()));
            }
        }
        if (results.isEmpty()) {
            boolean refused =
                    !items.isEmpty() && items.stream().allMatch(item -> Boolean.TRUE.equals(item.nsfwContent()));
            throw ProviderException.of(refused ? Kind.MODERATION : Kind.FAILED, ProviderHttp.raw(body));
        }
        return results;
    }

    /** What a file is, from the outputFormat asked for; null when Runware chose (the runner sniffs it). */
    static @Nullable String mimeType(@Nullable Object outputFormat) {
        return outputFormat == null
                ? null
                : MIME_BY_FORMAT.get(outputFormat.toString().toUpperCase(Locale.ROOT));
    }

    /** The sum of the items' costs; null when Runware reported none. */
    static @Nullable BigDecimal cost(List<RunwareJson.Item> items) {
        return items.stream()
                .map(RunwareJson.Item::cost)
                .filter(cost -> cost != null)
                .reduce(BigDecimal::add)
                .orElse(null);
    }

    /** A result address that is not a URI is an answer we cannot use, not a crash. */
    private static URI address(String url) throws ProviderException {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException notAnAddress) {
            throw ProviderException.of(Kind.FAILED, "Result address is not a URI: " + url);
        }
    }
}
