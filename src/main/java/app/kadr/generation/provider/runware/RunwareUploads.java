package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.SourceImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads source images before the inference that uses them: Runware refers to an uploaded image by its
 * {@code imageUUID}. All sources go in one call (one imageUpload task each); the inference follows in a
 * second call, because Runware does not promise to run one array's tasks in order.
 */
final class RunwareUploads {

    private final RunwareHttp http;

    RunwareUploads(RunwareHttp http) {
        this.http = http;
    }

    /** The uploaded images' ids by role; no call at all without sources. */
    Map<String, String> upload(ProviderRequest request) throws ProviderException {
        if (request.sources().isEmpty()) {
            return Map.of();
        }
        Map<String, String> roleByTask = new LinkedHashMap<>();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (SourceImage source : request.sources()) {
            String taskUUID = RunwareTasks.newTaskUUID();
            roleByTask.put(taskUUID, source.role());
            tasks.add(RunwareTasks.upload(taskUUID, dataUri(source)));
        }
        RunwareHttp.Answer answer = http.post(request, tasks);
        RunwareJson.Reply reply = RunwareJson.read(answer.body());
        if (!answer.ok() || !reply.failures().isEmpty()) {
            throw RunwareErrors.of(answer, reply);
        }
        Map<String, String> uploaded = new LinkedHashMap<>();
        for (Map.Entry<String, String> task : roleByTask.entrySet()) {
            String imageUUID = reply.of(task.getKey()).stream()
                    .map(RunwareJson.Item::imageUUID)
                    .filter(id -> id != null && !id.isBlank())
                    .findFirst()
                    .orElseThrow(
                            () -> ProviderException.of(ProviderException.Kind.FAILED, ProviderHttp.raw(answer.body())));
            uploaded.put(task.getValue(), imageUUID);
        }
        return uploaded;
    }

    private static String dataUri(SourceImage source) throws ProviderException {
        try {
            byte[] bytes = Files.readAllBytes(source.file());
            return "data:" + source.mimeType() + ";base64,"
                    + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw ProviderException.of(ProviderException.Kind.FAILED, "Cannot read source image: " + e);
        }
    }
}
