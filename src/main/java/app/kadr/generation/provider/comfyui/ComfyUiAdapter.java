package app.kadr.generation.provider.comfyui;

import app.kadr.generation.provider.NamedRequests;
import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A self-hosted ComfyUI (no key). Submit fills the model's stored workflow template ({@link Placeholders}):
 * {@code $prompt}, {@code $seed}… from the input, {@code $image}, {@code $mask}… from the source with that role,
 * uploaded first. Poll reads {@code /history/{id}}, and while that is empty {@code /queue} to tell running from
 * queued. Results are {@code /view} addresses on the configured host, which the runner downloads (it allows the
 * provider's own configured host even when private), so nothing large passes through here. The prompt id is ours
 * ({@link NamedRequests}): a submit left in doubt is looked up in the history and the queue rather than given up.
 */
@Component
class ComfyUiAdapter implements ProviderAdapter, NamedRequests {

    private static final Logger log = LoggerFactory.getLogger(ComfyUiAdapter.class);

    private final Duration readTimeout;

    ComfyUiAdapter() {
        this(ProviderHttp.READ_TIMEOUT);
    }

    ComfyUiAdapter(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public String kind() {
        return "comfyui";
    }

    @Override
    public String newRequestId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        return submit(request, newRequestId());
    }

    /**
     * Queues the filled workflow under our own {@code prompt_id}, which ComfyUI's {@code POST /prompt} takes
     * ({@code prompt_id = str(json_data.get("prompt_id", uuid.uuid4()))} in its server.py), so a submit in doubt
     * can be looked up by it. An older ComfyUI that picks its own id answers with that one, which is then used.
     */
    @Override
    public Submission submit(ProviderRequest request, String promptId) throws ProviderException {
        Placeholders template = Placeholders.in(request.workflow());
        RestClient comfy = client(request);
        Map<String, Object> values = new LinkedHashMap<>(request.input());
        Map<SourceImage, String> uploaded = new java.util.HashMap<>();
        for (String name : template.names()) {
            SourceImage source = source(request, name);
            if (!values.containsKey(name) && source != null) {
                // A reference in two slots is uploaded once.
                String file = uploaded.get(source);
                if (file == null) {
                    file = upload(comfy, source);
                    uploaded.put(source, file);
                }
                values.put(name, file);
            }
        }
        Map<String, Object> body = Map.of(
                "prompt",
                template.fill(values),
                "prompt_id",
                promptId,
                "client_id",
                UUID.randomUUID().toString());
        Exchange answer = Exchange.of(comfy.post()
                .uri("/prompt")
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonMapper.shared().writeValueAsBytes(body)));
        if (!answer.ok()) {
            throw ComfyErrors.of(answer);
        }
        ComfyAnswers.Queued queued = read(answer, ComfyAnswers.Queued.class);
        if (queued.promptId() == null) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
        if (!queued.promptId().equals(promptId)) {
            log.info(
                    "ComfyUI chose its own prompt id {} instead of {}; it is too old to look one up",
                    queued.promptId(),
                    promptId);
        }
        log.debug("ComfyUI queued prompt {} as number {}", queued.promptId(), queued.number());
        return Submission.queued(queued.promptId(), answer.raw());
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        return find(request, providerRequestId)
                .orElseThrow(() -> ProviderException.of(
                        Kind.FAILED, "ComfyUI knows no prompt " + providerRequestId + " (was it restarted?)"));
    }

    /**
     * Where a prompt stands: finished in {@code /history/{id}}, running or pending in {@code /queue}, or nowhere
     * (never queued, or lost by a restart of ComfyUI, which empties its queue).
     */
    @Override
    public Optional<Poll> find(ProviderRequest request, String promptId) throws ProviderException {
        RestClient comfy = client(request);
        HistoryEntry entry = history(comfy, promptId);
        if (entry != null) {
            return Optional.of(finished(entry, request));
        }
        QueueState queue = queue(comfy);
        if (queue.running(promptId)) {
            return Optional.of(new Poll.Waiting(true, null, null));
        }
        if (queue.pending(promptId)) {
            return Optional.of(new Poll.Waiting(false, null, null));
        }
        // It may have finished between the two reads.
        entry = history(comfy, promptId);
        return entry == null ? Optional.empty() : Optional.of(finished(entry, request));
    }

    /**
     * Takes the prompt off the queue; if it is already running, interrupts it (naming it, so that newer ComfyUI
     * versions leave someone else's running prompt alone).
     */
    @Override
    public void cancel(ProviderRequest request, String providerRequestId) throws ProviderException {
        RestClient comfy = client(request);
        postJson(comfy, "/queue", Map.of("delete", List.of(providerRequestId)));
        if (queue(comfy).running(providerRequestId)) {
            postJson(comfy, "/interrupt", Map.of("prompt_id", providerRequestId));
        }
    }

    private RestClient client(ProviderRequest request) {
        return ProviderHttp.client(baseUrl(request), readTimeout, request.selfHosted());
    }

    private static String baseUrl(ProviderRequest request) {
        String baseUrl = request.baseUrl();
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The source for a placeholder: {@code $image} the image, {@code $mask} the mask, {@code $ref1…$refN} the
     * elements' references. A graph with more reference slots than the generation has references gets them again in
     * turn ({@code $ref3} of two is the first), so its LoadImage nodes always have a picture.
     */
    private static @Nullable SourceImage source(ProviderRequest request, String role) {
        SourceImage exact = request.sources().stream()
                .filter(source -> source.role().equals(role))
                .findFirst()
                .orElse(null);
        java.util.regex.Matcher slot = REFERENCE_SLOT.matcher(role);
        if (exact != null || !slot.matches()) {
            return exact;
        }
        List<SourceImage> references = request.sources().stream()
                .filter(source -> REFERENCE_SLOT.matcher(source.role()).matches())
                .toList();
        return references.isEmpty() ? null : references.get((Integer.parseInt(slot.group(1)) - 1) % references.size());
    }

    private static final java.util.regex.Pattern REFERENCE_SLOT = java.util.regex.Pattern.compile("ref([1-9][0-9]?)");

    /** Puts a source image into ComfyUI's input folder; the answer is the name a LoadImage node takes. */
    private static String upload(RestClient comfy, SourceImage source) throws ProviderException {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(source.mimeType()));
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("image", new HttpEntity<>(new FileSystemResource(source.file()), partHeaders));
        Exchange answer = Exchange.of(comfy.post()
                .uri("/upload/image")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form));
        if (!answer.ok()) {
            throw ComfyErrors.of(answer);
        }
        ComfyAnswers.Uploaded uploaded = read(answer, ComfyAnswers.Uploaded.class);
        if (uploaded.name() == null) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
        return uploaded.reference();
    }

    private static @Nullable HistoryEntry history(RestClient comfy, String promptId) throws ProviderException {
        Exchange answer = Exchange.of(comfy.get().uri("/history/{id}", promptId));
        if (!answer.ok()) {
            throw ComfyErrors.of(answer);
        }
        return HistoryEntry.in(read(answer, JsonNode.class), promptId);
    }

    private static QueueState queue(RestClient comfy) throws ProviderException {
        Exchange answer = Exchange.of(comfy.get().uri("/queue"));
        if (!answer.ok()) {
            throw ComfyErrors.of(answer);
        }
        return read(answer, QueueState.class);
    }

    private static Poll finished(HistoryEntry entry, ProviderRequest request) throws ProviderException {
        if (entry.failed()) {
            throw ProviderException.of(Kind.FAILED, ProviderHttp.raw(entry.error()));
        }
        String baseUrl = baseUrl(request);
        // The seed is the one filled into the workflow; ComfyUI does not report it back.
        Long seed = request.input().get("seed") instanceof Number number ? number.longValue() : null;
        List<ProviderResult> results = new ArrayList<>();
        for (OutputFile file : entry.files()) {
            results.add(ProviderResult.at(file.viewUrl(baseUrl), file.mimeType(), seed));
        }
        if (results.isEmpty()) {
            // A workflow without a save node finishes with nothing to show; waiting longer will not change that.
            throw ProviderException.of(Kind.FAILED, ProviderHttp.raw("no output files: " + entry));
        }
        return new Poll.Finished(results, null, ProviderHttp.raw(entry.toString()));
    }

    private static void postJson(RestClient comfy, String path, Object body) throws ProviderException {
        Exchange answer = Exchange.of(comfy.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonMapper.shared().writeValueAsBytes(body)));
        if (!answer.ok()) {
            throw ComfyErrors.of(answer);
        }
    }

    private static <T> T read(Exchange answer, Class<T> type) throws ProviderException {
        try {
            return JsonMapper.shared().readValue(answer.body(), type);
        } catch (JacksonException notJson) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
    }
}
