package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tasks Runware is sent. Each carries a {@code taskUUID} we make (a random UUID is version 4, as Runware
 * asks); results and errors come back under it. The mapped input goes first and our own fields after it, so
 * the input cannot change the task type, its id or how results are delivered.
 */
final class RunwareTasks {

    static final Set<String> IMAGE_TASKS = Set.of("text_to_image", "image_to_image", "inpaint");
    static final Set<String> VIDEO_TASKS = Set.of("text_to_video", "image_to_video");

    private static final String MARK = "$source:";
    /** The roles of reference images: ref1, ref2… */
    private static final String REFERENCE_ROLE = "ref";

    private RunwareTasks() {}

    static String newTaskUUID() {
        return UUID.randomUUID().toString();
    }

    static Map<String, Object> upload(String taskUUID, String dataUri) {
        return Map.of("taskType", "imageUpload", "taskUUID", taskUUID, "image", dataUri);
    }

    static Map<String, Object> getResponse(String taskUUID) {
        return Map.of("taskType", "getResponse", "taskUUID", taskUUID);
    }

    /** Synchronous: the answer holds the images. Sources go in as seedImage (role image) and maskImage (mask). */
    static Map<String, Object> imageInference(String taskUUID, ProviderRequest request, Map<String, String> uploaded)
            throws ProviderException {
        Map<String, Object> task = withUploads(request.input(), uploaded);
        task.put("taskType", "imageInference");
        task.put("taskUUID", taskUUID);
        task.put("model", request.externalId());
        task.put("numberResults", Math.max(1, request.count()));
        task.put("outputType", "URL");
        task.put("includeCost", true);
        // Without it Runware never says NSFWContent, and a flagged (blacked-out) image would become a take.
        // Documented in Runware/sdk-python docs/text_to_image.md ("checkNSFW … Enable NSFW content check"); the SDK
        // sends the same check as safety.checkContent (runware/types.py, IImageInference).
        task.put("checkNSFW", true);
        for (Map.Entry<String, String> source : sourcesOnly(uploaded).entrySet()) {
            switch (source.getKey()) {
                case "image" -> task.put("seedImage", source.getValue());
                case "mask" -> task.put("maskImage", source.getValue());
                default -> throw unusable(source.getKey(), request.task());
            }
        }
        return task;
    }

    /** Asynchronous: the answer only acknowledges; getResponse brings the video. Sources become frames. */
    static Map<String, Object> videoInference(String taskUUID, ProviderRequest request, Map<String, String> uploaded)
            throws ProviderException {
        Map<String, Object> task = withUploads(request.input(), uploaded);
        task.put("taskType", "videoInference");
        task.put("taskUUID", taskUUID);
        task.put("model", request.externalId());
        task.put("deliveryMethod", "async");
        task.put("outputFormat", "MP4");
        task.put("includeCost", true);
        if (!sourcesOnly(uploaded).isEmpty()) {
            task.put("frameImages", frames(request, sourcesOnly(uploaded)));
        }
        return task;
    }

    private static List<Map<String, String>> frames(ProviderRequest request, Map<String, String> uploaded)
            throws ProviderException {
        List<Map<String, String>> frames = new ArrayList<>();
        for (Map.Entry<String, String> source : uploaded.entrySet()) {
            String frame = switch (source.getKey()) {
                case "image" -> "first";
                case "end_image" -> "last";
                default -> throw unusable(source.getKey(), request.task());
            };
            frames.add(Map.of("inputImage", source.getValue(), "frame", frame));
        }
        // First frame first, whatever order the sources came in.
        frames.sort(Comparator.comparing(frame -> frame.get("frame").equals("first") ? 0 : 1));
        return frames;
    }

    /**
     * The input with each {@code "$source:<role>"} mark (the studio puts them where the model's mapping sends
     * reference images: {@code referenceImages}, a list, in Runware/sdk-python's runware/types.py IImageInference)
     * replaced by the imageUUID of that role's upload, which is how the SDK sends an uploaded image.
     */
    private static Map<String, Object> withUploads(Map<String, Object> input, Map<String, String> uploaded)
            throws ProviderException {
        Map<String, Object> task = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : input.entrySet()) {
            task.put(field.getKey(), uploadOf(field.getValue(), uploaded));
        }
        return task;
    }

    private static Object uploadOf(Object value, Map<String, String> uploaded) throws ProviderException {
        if (value instanceof String text && text.startsWith(MARK)) {
            String id = uploaded.get(text.substring(MARK.length()));
            if (id == null) {
                throw ProviderException.of(ProviderException.Kind.FAILED, "Runware: no upload for " + text);
            }
            return id;
        }
        if (value instanceof List<?> list) {
            List<Object> replaced = new ArrayList<>();
            for (Object item : list) {
                replaced.add(uploadOf(item, uploaded));
            }
            return replaced;
        }
        return value;
    }

    /** The sources proper (image, mask, end image), without the references, which travel marked in the input. */
    private static Map<String, String> sourcesOnly(Map<String, String> uploaded) {
        Map<String, String> sources = new LinkedHashMap<>(uploaded);
        sources.keySet().removeIf(role -> role.startsWith(REFERENCE_ROLE));
        return sources;
    }

    private static ProviderException unusable(String role, String task) {
        return ProviderException.of(
                ProviderException.Kind.FAILED,
                "Runware has no place for a source image of role " + role + " in " + task);
    }
}
