package app.kadr.asset;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.UUID;

/**
 * A take as the gallery shows it: the take itself (its fields appear at the top level of the JSON) and where it
 * lives, since the gallery mixes every project.
 */
public record GalleryItem(
        @JsonUnwrapped Asset asset,
        UUID projectId,
        String projectName,
        int shotNumber,
        String shotTitle,
        boolean headliner) {}
