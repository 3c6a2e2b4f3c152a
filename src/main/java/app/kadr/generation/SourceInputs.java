package app.kadr.generation;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.catalog.CatalogModel;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a generation's sources against the inputs its model declares in its field mapping: {@code sourceImage}
 * takes images, {@code sourceVideo} a video, {@code audio} a sound. A lip sync needs both its video and its sound, a
 * video-to-video its video, any other task that starts from something its image. Each source must be a ready take the
 * person owns.
 */
@Component
class SourceInputs {

    /** Kadr's input name for each kind of take, in the order a person reads them. */
    static final Map<String, String> INPUT_OF_KIND = inputs();

    private final AssetService assets;
    private final Messages messages;

    SourceInputs(AssetService assets, Messages messages) {
        this.assets = assets;
        this.messages = messages;
    }

    private static Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("image", "sourceImage");
        inputs.put("video", "sourceVideo");
        inputs.put("audio", "audio");
        return inputs;
    }

    /** The role a source of this kind plays at the provider: the first image is the image, a second one the end. */
    static String role(String kind, int imagesBefore) {
        return switch (kind) {
            case "video" -> "video";
            case "audio" -> "audio";
            default -> imagesBefore == 0 ? "image" : "end_image";
        };
    }

    List<UUID> check(UUID ownerId, @Nullable List<UUID> sourceIds, CatalogModel model) {
        if (sourceIds != null && sourceIds.stream().anyMatch(Objects::isNull)) {
            // JSON reads an empty string as a null id; it names no take.
            throw KadrException.invalid("sourceAssetIds", "generation.source.not_image");
        }
        List<UUID> ids = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        List<String> accepted = INPUT_OF_KIND.entrySet().stream()
                .filter(input -> model.accepts(input.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (accepted.isEmpty() && !ids.isEmpty()) {
            throw KadrException.invalid("sourceAssetIds", "generation.source.unsupported");
        }
        List<String> given = new ArrayList<>();
        for (UUID id : ids) {
            Asset asset = assets.get(ownerId, id);
            if (!asset.isReady()) {
                throw KadrException.invalid("sourceAssetIds", "generation.source.not_ready");
            }
            if (!accepted.contains(asset.kind())) {
                throw accepted.equals(List.of("image"))
                        ? KadrException.invalid("sourceAssetIds", "generation.source.not_image")
                        : KadrException.invalid("sourceAssetIds", "generation.source.wrong_kind", names(accepted));
            }
            if (!asset.kind().equals("image") && given.contains(asset.kind())) {
                throw KadrException.invalid(
                        "sourceAssetIds", "generation.source.one_of_kind", names(List.of(asset.kind())));
            }
            given.add(asset.kind());
        }
        if (model.task().needsSource()) {
            List<String> missing = needed(accepted).stream()
                    .filter(kind -> !given.contains(kind))
                    .toList();
            if (missing.equals(List.of("image"))) {
                throw KadrException.invalid("sourceAssetIds", "generation.source.missing");
            }
            if (!missing.isEmpty()) {
                throw KadrException.invalid("sourceAssetIds", "generation.source.missing_kind", names(missing));
            }
        }
        return ids;
    }

    /** A video and a sound are each the point of the models that take them; an image is, unless a video is. */
    private static List<String> needed(List<String> accepted) {
        List<String> needed = new ArrayList<>(accepted);
        if (needed.contains("video")) {
            needed.remove("image");
        }
        return needed;
    }

    private String names(List<String> kinds) {
        return kinds.stream()
                .map(kind -> messages.get("generation.source.kind." + kind))
                .collect(Collectors.joining(", "));
    }
}
