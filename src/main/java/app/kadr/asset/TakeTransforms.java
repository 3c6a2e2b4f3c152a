package app.kadr.asset;

import java.util.List;
import java.util.Map;

/**
 * What a ready take of each kind can be turned into from its menu in the box, as catalog task codes: an image
 * upscaled, freed of its background or edited by words; a video redrawn or lip-synced; a sound lip-synced onto a
 * video. The generation module's dialog offers exactly these.
 */
public final class TakeTransforms {

    public static final Map<String, List<String>> BY_KIND = Map.of(
            "image", List.of("upscale", "remove_background", "image_to_image"),
            "video", List.of("video_to_video", "lip_sync"),
            "audio", List.of("lip_sync"));

    private TakeTransforms() {}
}
