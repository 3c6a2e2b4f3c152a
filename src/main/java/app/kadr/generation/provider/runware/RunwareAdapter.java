package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.NamedRequests;
import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <li>The taskUUID is ours ({@link NamedRequests}): the runner stores it before the submit, and a submit left in
 *     doubt is looked up with getResponse ({@link #find}) rather than given up.
 * </ul>
 *
 * Other tasks (upscale, background removal…) use other Runware task types and are refused as FAILED.
 */
@Component
class RunwareAdapter implements ProviderAdapter, NamedRequests {

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
    public String newRequestId() {
        return RunwareTasks.newTaskUUID();
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        return submit(request, newRequestId());
    }

    /**
     * Sends the inference under the given taskUUID. Runware refuses a taskUUID it already holds with
     * {@code conflictTaskUUID}; for a submit made again after a doubt that means the first one arrived, so the
     * task is followed with getResponse instead (as Runware's own SDK does on a retried send).
     */
    @Override
    public Submission submit(ProviderRequest request, String taskUUID) throws ProviderException {
        boolean video = RunwareTasks.VIDEO_TASKS.contains(request.task());
        if (!video && !RunwareTasks.IMAGE_TASKS.contains(request.task())) {
            throw ProviderException.of(
                    ProviderException.Kind.FAILED, "The Runware adapter cannot do " + request.task() + " yet");
        }
        Map<String, String> uploaded = uploads.upload(request);
        Map<String, Object> task = video
                ? RunwareTasks.videoInference(taskUUID, request, uploaded)
                : RunwareTasks.imageInference(taskUUID, request, uploaded);
        RunwareHttp.Answer answer = http.post(request, List.of(task));
        RunwareJson.Reply reply = RunwareJson.read(answer.body());
        String raw = ProviderHttp.raw(answer.body());
        if (reply.alreadyHolds(taskUUID)) {
            log.info("Runware already holds task {}; following it instead of a second one", taskUUID);
            return Submission.queued(taskUUID, raw);
        }
        if (!answer.ok() || !reply.failures().isEmpty()) {
            throw RunwareErrors.of(answer, reply);
        }
        if (video) {
            log.debug("Runware accepted video task {} for {}", taskUUID, request.externalId());
            return Submission.queued(taskUUID, raw);
        }
        List<RunwareJson.Item> images = reply.of(taskUUID);
        String mimeType = RunwareResults.mimeType(request.input().get("outputFormat"));
        return new Submission(
                taskUUID, RunwareResults.of(images, mimeType, answer.body()), RunwareResults.cost(images), raw);
    }

    /**
     * Asks getResponse for a task whose submit is in doubt. Items under its taskUUID mean Runware has it: it is
     * followed like a poll. No items means Runware does not know it (or will not say); the runner then submits it
     * again under the same taskUUID, which Runware refuses with {@code conflictTaskUUID} if it held it after all,
     * so the task is never made twice. A bad key or a busy Runware is said as such.
     */
    @Override
    public Optional<Poll> find(ProviderRequest request, String taskUUID) throws ProviderException {
        RunwareHttp.Answer answer = http.post(request, List.of(RunwareTasks.getResponse(taskUUID)));
        RunwareJson.Reply reply = RunwareJson.read(answer.body());
        if (reply.of(taskUUID).isEmpty()) {
            ProviderException failure = RunwareErrors.of(answer, reply);
            if (failure.kind() == ProviderException.Kind.BAD_KEY
                    || failure.kind() == ProviderException.Kind.NO_KEY
                    || failure.kind().retryable()) {
                throw failure;
            }
            log.info("Runware does not know task {}: {}", taskUUID, ProviderHttp.raw(answer.body()));
            return Optional.empty();
        }
        return Optional.of(polled(request, taskUUID, answer, reply));
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        RunwareHttp.Answer answer = send(request, RunwareTasks.getResponse(providerRequestId));
        return polled(request, providerRequestId, answer, RunwareJson.read(answer.body()));
    }

    /** A getResponse answer for the task as a poll: an error item fails it, processing ones wait, else it is done. */
    private static Poll polled(
            ProviderRequest request, String providerRequestId, RunwareHttp.Answer answer, RunwareJson.Reply reply)
            throws ProviderException {
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
