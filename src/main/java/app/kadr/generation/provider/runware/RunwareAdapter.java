package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runware: every call is {@code POST {base}} (e.g. {@code https://api.runware.ai/v1}) with a JSON array of
 * tasks and {@code Authorization: Bearer …}.
 *
 * <ul>
 * <li>Images ({@code text_to_image}, {@code image_to_image}, {@code inpaint}) are one {@code imageInference}
 *     task, answered at once: the submission is already finished. Runware reports the cost there, but
 *     {@link Submission} has no place for it yet; it stays in the raw answer.
 * <li>Videos ({@code text_to_video}, {@code image_to_video}) are an async {@code videoInference}; polling
 *     sends {@code getResponse} with the same taskUUID, so a new instance can finish what another submitted.
 * <li>Source images are uploaded first ({@link RunwareUploads}) and referred to by their imageUUID.
 * <li>Runware cannot cancel a task, so {@link #cancel} does nothing and the job simply runs out.
 * </ul>
 *
 * Other tasks (upscale, background removal…) use other Runware task types and are refused as FAILED.
 */
@Component
class RunwareAdapter implements ProviderAdapter {

    private static final Logger log = LoggerFactory.getLogger(RunwareAdapter.class);

    private final RunwareHttp http;
    private final RunwareUploads uploads;

    RunwareAdapter() {
        this(ProviderHttp.READ_TIMEOUT);
    }

    RunwareAdapter(Duration readTimeout) {
        this.http = new RunwareHttp(readTimeout);
        this.uploads = new RunwareUploads(http);
    }

    @Override
    public String kind() {
        return "runware";
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        boolean video = RunwareTasks.VIDEO_TASKS.contains(request.task());
        if (!video && !RunwareTasks.IMAGE_TASKS.contains(request.task())) {
            throw ProviderException.of(
                    ProviderException.Kind.FAILED, "The Runware adapter cannot do " + request.task() + " yet");
        }
        Map<String, String> uploaded = uploads.upload(request);
        String taskUUID = RunwareTasks.newTaskUUID();
        Map<String, Object> task = video
                ? RunwareTasks.videoInference(taskUUID, request, uploaded)
                : RunwareTasks.imageInference(taskUUID, request, uploaded);
        RunwareHttp.Answer answer = send(request, task);
        String raw = ProviderHttp.raw(answer.body());
        if (video) {
            log.debug("Runware accepted video task {} for {}", taskUUID, request.externalId());
            return Submission.queued(taskUUID, raw);
        }
        List<RunwareJson.Item> images = RunwareJson.read(answer.body()).of(taskUUID);
        String mimeType = RunwareResults.mimeType(request.input().get("outputFormat"));
        return new Submission(
                taskUUID, RunwareResults.of(images, mimeType, answer.body()), RunwareResults.cost(images), raw);
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        RunwareHttp.Answer answer = send(request, RunwareTasks.getResponse(providerRequestId));
        RunwareJson.Reply reply = RunwareJson.read(answer.body());
        List<RunwareJson.Item> items = reply.of(providerRequestId);
        if (items.stream().anyMatch(item -> "error".equals(item.status()))) {
            throw RunwareErrors.of(answer, reply);
        }
        if (items.isEmpty() || items.stream().anyMatch(item -> "processing".equals(item.status()))) {
            // Nothing reported yet means Runware has not started it: still waiting, not failed.
            return new Poll.Waiting(!items.isEmpty(), null, null);
        }
        String mimeType = RunwareResults.mimeType(
                RunwareTasks.VIDEO_TASKS.contains(request.task())
                        ? "MP4"
                        : request.input().get("outputFormat"));
        return new Poll.Finished(
                RunwareResults.of(items, mimeType, answer.body()),
                RunwareResults.cost(items),
                ProviderHttp.raw(answer.body()));
    }

    /** Runware has no way to stop a task; the job runner lets it run out and ignores its result. */
    @Override
    public void cancel(ProviderRequest request, String providerRequestId) {
        log.debug("Runware cannot cancel task {}; it will run out", providerRequestId);
    }

    private RunwareHttp.Answer send(ProviderRequest request, Map<String, Object> task) throws ProviderException {
        RunwareHttp.Answer answer = http.post(request, List.of(task));
        RunwareJson.Reply reply = RunwareJson.read(answer.body());
        if (!answer.ok() || !reply.failures().isEmpty()) {
            throw RunwareErrors.of(answer, reply);
        }
        return answer;
    }
}
