package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's output as results. The seed fal reports is the one the model used; with several images it is
 * the batch's seed, so every image carries it.
 *
 * <p>fal's safety checker replaces a flagged image with a black one and says so in
 * {@code has_nsfw_concepts}; those are dropped, and when every image was flagged the request counts as
 * refused by moderation rather than as a success with black pictures.
 */
final class FalResults {

    private FalResults() {}

    static List<ProviderResult> of(FalJson.Output output, String body) throws ProviderException {
        List<FalJson.File> files = files(output);
        List<Boolean> flagged = output.hasNsfwConcepts() == null ? List.of() : output.hasNsfwConcepts();
        List<ProviderResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FalJson.File file = files.get(i);
            boolean nsfw = i < flagged.size() && Boolean.TRUE.equals(flagged.get(i));
            if (!nsfw && file.url() != null && !file.url().isBlank()) {
                results.add(ProviderResult.at(address(file.url()), file.contentType(), output.seed()));
            }
        }
        if (results.isEmpty()) {
            boolean refused = !flagged.isEmpty() && flagged.stream().allMatch(Boolean.TRUE::equals);
            throw ProviderException.of(refused ? Kind.MODERATION : Kind.FAILED, ProviderHttp.raw(body));
        }
        return results;
    }

    private static List<FalJson.File> files(FalJson.Output output) {
        if (output.images() != null) {
            return output.images();
        }
        if (output.image() != null) {
            return List.of(output.image());
        }
        if (output.video() != null) {
            return List.of(output.video());
        }
        return List.of();
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
