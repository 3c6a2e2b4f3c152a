package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a model's queue lives. Submit uses the full model id ({@code fal-ai/flux/dev}); status, result and
 * cancel use only its {@code owner/app} part ({@code fal-ai/flux/requests/{id}/status}), so they can be
 * derived from the stored model id after a restart without keeping fal's URLs.
 */
record FalPaths(List<String> model) {

    static FalPaths of(String externalId) throws ProviderException {
        List<String> segments = Arrays.stream(externalId.split("/"))
                .filter(segment -> !segment.isBlank())
                .toList();
        if (segments.size() < 2) {
            throw ProviderException.of(
                    ProviderException.Kind.FAILED, "A fal model id is owner/app[/path], not " + externalId);
        }
        return new FalPaths(segments);
    }

    List<String> submit() {
        return model;
    }

    List<String> status(String requestId) {
        return request(requestId, "status");
    }

    List<String> result(String requestId) {
        return request(requestId);
    }

    List<String> cancel(String requestId) {
        return request(requestId, "cancel");
    }

    private List<String> request(String requestId, String... tail) {
        List<String> path = new ArrayList<>(List.of(model.get(0), model.get(1), "requests", requestId));
        path.addAll(List.of(tail));
        return List.copyOf(path);
    }
}
