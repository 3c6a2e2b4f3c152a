package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * fal.ai through its queue API: {@code POST {base}/{model}} submits, {@code GET …/requests/{id}/status}
 * polls, {@code GET …/requests/{id}} fetches the output, {@code PUT …/requests/{id}/cancel} cancels.
 * The base is the queue's address ({@code https://queue.fal.run}); auth is {@code Authorization: Key …}.
 *
 * <p>The body sent is the request's input as the model's catalog row mapped it; source images go where the
 * input holds the placeholder {@code "$source:<role>"} (see {@link FalSources}), which the job runner sets.
 * Status and result addresses are derived from the model id, so a new instance can poll a request another
 * one submitted. fal reports no cost, so results come without one.
 *
 * <p>With webhooks on ({@link FalWebhookAddress}) a submit also asks fal to announce the finished request; the
 * announcement only wakes the job, which then fetches the result here as it would after a poll.
 */
@Component
class FalAdapter implements ProviderAdapter {

    private static final Logger log = LoggerFactory.getLogger(FalAdapter.class);
    private static final Map<String, Object> WITH_LOGS = Map.of("logs", "1");
    /** fal's answers to a cancel that all mean "nothing more to do" [HTTP codes unverified, so by body]. */
    private static final Set<String> CANCEL_ANSWERS =
            Set.of("CANCELLATION_REQUESTED", "ALREADY_COMPLETED", "NOT_FOUND");

    private final FalHttp http;
    private final @Nullable Map<String, Object> webhook;

    /** The read time-out is a setting so that tests can make a submit go unanswered without waiting minutes. */
    @Autowired
    FalAdapter(FalWebhookAddress webhook, @Value("${kadr.generation.fal-read-timeout:120s}") Duration readTimeout) {
        this(readTimeout, webhook);
    }

    FalAdapter() {
        this(ProviderHttp.READ_TIMEOUT);
    }

    FalAdapter(Duration readTimeout) {
        this(readTimeout, FalWebhookAddress.NONE);
    }

    FalAdapter(Duration readTimeout, FalWebhookAddress webhook) {
        this.http = new FalHttp(readTimeout);
        this.webhook = webhook.url()
                .<Map<String, Object>>map(url -> Map.of("fal_webhook", url))
                .orElse(null);
    }

    @Override
    public String kind() {
        return "fal";
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        FalPaths paths = FalPaths.of(request.externalId());
        byte[] body = FalJson.write(FalSources.fill(request.input(), request.sources()));
        FalHttp.Answer answer = http.call(request, HttpMethod.POST, paths.submit(), webhook, body);
        if (!answer.ok()) {
            throw FalErrors.of(answer);
        }
        String requestId = FalJson.read(answer.body(), FalJson.Submitted.class).requestId();
        if (requestId == null || requestId.isBlank()) {
            throw ProviderException.of(ProviderException.Kind.FAILED, ProviderHttp.raw(answer.body()));
        }
        log.debug("fal queued {} for {}", requestId, request.externalId());
        return Submission.queued(requestId, ProviderHttp.raw(answer.body()));
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        FalPaths paths = FalPaths.of(request.externalId());
        FalHttp.Answer answer = http.call(request, HttpMethod.GET, paths.status(providerRequestId), WITH_LOGS, null);
        if (!answer.ok()) {
            throw FalErrors.of(answer);
        }
        FalJson.Status status = FalJson.read(answer.body(), FalJson.Status.class);
        String state = String.valueOf(status.status());
        return switch (state) {
            case "IN_QUEUE" -> new Poll.Waiting(false, null, queued(status.queuePosition()));
            case "IN_PROGRESS" -> new Poll.Waiting(true, FalProgress.of(status.lastLog()), status.lastLog());
            case "COMPLETED" -> {
                if (status.failed()) {
                    throw FalErrors.ofCompleted(status, answer.body());
                }
                yield output(request, paths, providerRequestId);
            }
            default -> throw ProviderException.of(ProviderException.Kind.FAILED, ProviderHttp.raw(answer.body()));
        };
    }

    @Override
    public void cancel(ProviderRequest request, String providerRequestId) throws ProviderException {
        FalPaths paths = FalPaths.of(request.externalId());
        FalHttp.Answer answer = http.call(request, HttpMethod.PUT, paths.cancel(providerRequestId), null, null);
        String said = FalJson.tree(answer.body()).path("status").asString("");
        if (!answer.ok() && !CANCEL_ANSWERS.contains(said)) {
            throw FalErrors.of(answer);
        }
        log.debug("fal cancel {}: {}", providerRequestId, said);
    }

    private Poll output(ProviderRequest request, FalPaths paths, String requestId) throws ProviderException {
        // A model that failed answers its result with the error (422 detail, 500 …), mapped like any other.
        FalHttp.Answer answer = http.call(request, HttpMethod.GET, paths.result(requestId), null, null);
        if (!answer.ok()) {
            throw FalErrors.of(answer);
        }
        FalJson.Output output = FalJson.read(answer.body(), FalJson.Output.class);
        return new Poll.Finished(FalResults.of(output, answer.body()), null, ProviderHttp.raw(answer.body()));
    }

    private static String queued(@Nullable Integer position) {
        return position == null ? "В очереди" : "В очереди, позиция " + position;
    }
}
