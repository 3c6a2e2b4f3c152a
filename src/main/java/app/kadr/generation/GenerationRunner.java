package app.kadr.generation;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Provider;
import app.kadr.generation.provider.NamedRequests;
import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import app.kadr.live.LiveEvent;
import app.kadr.live.LiveUpdates;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step of a generation's life, as its durable job runs it: take a provider slot, submit once, poll, store the
 * results, or retry after a pause when the provider is busy. Every decision is written to the database before the
 * step ends, so a step may be cut short by a crash at any point and simply run again.
 */
@Component
class GenerationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);
    /** The error code of a generation stopped by its time limit (not a provider's time-out, which is retried). */
    static final String TIME_LIMIT = "time_limit";
    /** The error code of a generation whose submit was cut short by a stop: the provider may hold it already. */
    static final String SUBMIT_UNKNOWN = "submit_unknown";
    /** The error code of a generation whose submit was sent but got no answer: the provider may hold it already. */
    static final String SUBMIT_NO_ANSWER = "submit_no_answer";
    /** The error code of a step that kept failing for a reason of the studio's own, not the provider's. */
    static final String INTERNAL = "internal";
    /** How many of the first in line a freed slot tries to wake; one may be busy running its step. */
    private static final int WAKE_TRIES = 3;

    private final Generations generations;
    private final Catalog catalog;
    private final ProviderSlots slots;
    private final ProviderCalls calls;
    private final GenerationResults results;
    private final LiveUpdates live;
    private final SlotQueue line;
    private final GenerationJobs jobs;
    private final GenerationSettings settings;
    private final Map<String, ProviderAdapter> adapters;

    GenerationRunner(
            Generations generations,
            Catalog catalog,
            ProviderSlots slots,
            ProviderCalls calls,
            GenerationResults results,
            LiveUpdates live,
            SlotQueue line,
            GenerationJobs jobs,
            GenerationSettings settings,
            List<ProviderAdapter> adapters) {
        this.generations = generations;
        this.catalog = catalog;
        this.slots = slots;
        this.calls = calls;
        this.results = results;
        this.live = live;
        this.line = line;
        this.jobs = jobs;
        this.settings = settings;
        this.adapters = adapters.stream().collect(Collectors.toMap(ProviderAdapter::kind, Function.identity()));
    }

    /** Runs one step; answers when to run the next one, or null when the generation has ended. */
    @Nullable
    Instant step(UUID generationId) {
        Optional<GenerationRow> found = generations.byId(generationId);
        if (found.isEmpty() || found.get().status().finished()) {
            found.ifPresent(this::release);
            return null;
        }
        GenerationRow generation = found.get();
        Optional<CatalogModel> model = catalog.find(generation.modelId());
        if (model.isEmpty()) {
            return end(generation, "model_gone", null, "The model was removed from the catalog");
        }
        ProviderAdapter adapter = adapters.get(model.get().provider().kind().code());
        if (adapter == null) {
            return end(
                    generation,
                    "no_adapter",
                    null,
                    "No adapter for " + model.get().provider().kind());
        }
        // Every way a step can fail ends here with a decision: a provider's answer by its kind, the studio's own
        // final failures (a source gone, a refused file, a full disk) at once, anything else retried a bounded
        // number of times. None leaves the job to the scheduler's blind retry, and every end gives the slot back.
        try {
            return advance(generation, model.get(), adapter);
        } catch (ProviderException e) {
            return failed(generation, e, generation.submitInDoubt());
        } catch (FinalFailure e) {
            return end(generation, e.code(), e.field(), e.getMessage());
        } catch (UncheckedIOException e) {
            return end(generation, FinalFailure.DISK_ERROR, null, e.toString());
        } catch (RuntimeException e) {
            return broken(generation, e);
        }
    }

    private @Nullable Instant advance(GenerationRow generation, CatalogModel model, ProviderAdapter adapter)
            throws ProviderException {
        if (generation.cancelRequested()) {
            return cancel(generation, model, adapter);
        }
        if (overdue(generation, model)) {
            cancelQuietly(generation, model, adapter);
            return end(generation, TIME_LIMIT, null, "The generation ran out of time");
        }
        if (generation.submitInDoubt()) {
            return recover(generation, model, adapter);
        }
        return generation.submitted() ? poll(generation, model, adapter) : submit(generation, model, adapter);
    }

    /**
     * A submit whose answer was never stored. Where the provider took an id of ours, it is asked for that id: found,
     * the job is followed from there; unknown, it never arrived and is submitted again under the same id. Where no
     * id can be looked up, a provider that costs nothing is simply asked again and any other is not.
     */
    private @Nullable Instant recover(GenerationRow generation, CatalogModel model, ProviderAdapter adapter)
            throws ProviderException {
        String requestId = generation.submitRequestId();
        if (adapter instanceof NamedRequests named && requestId != null) {
            Optional<Poll> found = named.find(calls.submitted(generation, model), requestId);
            if (found.isEmpty()) {
                log.info(
                        "Generation {}: the provider never received request {}; submitting it",
                        generation.id(),
                        requestId);
                generations.notReceived(generation.id());
                return submit(generation, model, adapter);
            }
            log.info(
                    "Generation {}: found request {} at the provider after a submit in doubt",
                    generation.id(),
                    requestId);
            generations.markSubmitted(generation.id(), requestId);
            announce(generation);
            return followed(generation, model, found.get());
        }
        if (adapter.resubmitsSafely()) {
            return submit(generation, model, adapter);
        }
        return end(
                generation,
                SUBMIT_UNKNOWN,
                null,
                "The studio stopped during the submit started at " + generation.submitStartedAt()
                        + "; not submitted again so as not to pay twice");
    }

    private @Nullable Instant submit(GenerationRow generation, CatalogModel model, ProviderAdapter adapter)
            throws ProviderException {
        Provider provider = model.provider();
        if (!slots.tryTake(provider.id(), generation.id(), provider.maxConcurrency())) {
            line.waits(provider.id(), generation.id());
            return Instant.now().plus(jittered(settings.slotWait()));
        }
        line.leaves(provider.id(), generation.id());
        ProviderRequest request = calls.request(generation, model);
        NamedRequests named = adapter instanceof NamedRequests n ? n : null;
        String requestId = named == null
                ? null
                : generation.submitRequestId() != null ? generation.submitRequestId() : named.newRequestId();
        // Committed before the provider hears of it: a stop before the answer is stored must not lead to a second one.
        generations.markSubmitting(generation.id(), requestId, request.input());
        Submission submission;
        try {
            submission =
                    named != null && requestId != null ? named.submit(request, requestId) : adapter.submit(request);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NO_ANSWER && named != null) {
                // Sent, but unanswered: the next step asks the provider for it by our id.
                return failed(generation, e, true);
            }
            if (e.kind() == ProviderException.Kind.NO_ANSWER && !adapter.resubmitsSafely()) {
                // Sent, but unanswered: the provider may have accepted it, and a second submit would be billed.
                return end(
                        generation,
                        SUBMIT_NO_ANSWER,
                        null,
                        "No answer to the submit; not submitted again so as not to pay twice: " + e.raw());
            }
            throw e;
        }
        generations.markSubmitted(generation.id(), submission.providerRequestId());
        announce(generation);
        if (submission.finished()) {
            return complete(generation, model, submission.results(), submission.cost(), submission.raw());
        }
        return Instant.now().plus(settings.pollInterval());
    }

    /** Asks the provider with only what a poll needs: the stored input, the key, and the request id. */
    private @Nullable Instant poll(GenerationRow generation, CatalogModel model, ProviderAdapter adapter)
            throws ProviderException {
        return followed(
                generation, model, adapter.poll(calls.submitted(generation, model), generation.providerRequestId()));
    }

    private @Nullable Instant followed(GenerationRow generation, CatalogModel model, Poll poll)
            throws ProviderException {
        return switch (poll) {
            case Poll.Waiting waiting -> {
                generations.markProgress(generation.id(), waiting.running(), waiting.progress(), waiting.message());
                announce(generation);
                yield Instant.now().plus(settings.pollInterval());
            }
            case Poll.Finished finished ->
                complete(generation, model, finished.results(), finished.cost(), finished.raw());
        };
    }

    private @Nullable Instant complete(
            GenerationRow generation,
            CatalogModel model,
            List<app.kadr.generation.provider.ProviderResult> found,
            java.math.@Nullable BigDecimal cost,
            @Nullable String raw)
            throws ProviderException {
        // The provider is done with it: its slot goes to the next in line before the download, which may be slow.
        release(generation);
        results.store(generation, model, found);
        generations.finish(generation.id(), cost);
        log.info("Generation {} finished with {} result(s)", generation.id(), found.size());
        announce(generation);
        return null;
    }

    /**
     * A provider failure: retry later when it is the provider's passing trouble, else end with the reason. A submit in
     * doubt keeps its marker through the retry, so the next step looks it up rather than submitting again.
     */
    private @Nullable Instant failed(GenerationRow generation, ProviderException e, boolean inDoubt) {
        if (e.kind().retryable() && generation.attempts() + 1 < settings.maxAttempts()) {
            return retryLater(generation, e.kind().name(), e.raw(), e.retryAfter(), inDoubt);
        }
        return end(generation, e.kind().name(), e.field(), e.raw());
    }

    /**
     * A failure nobody foresaw (a bug, the database away for a moment): tried again a bounded number of times, then
     * ended with its own reason. A submit that may have reached the provider stays in doubt meanwhile.
     */
    private @Nullable Instant broken(GenerationRow generation, RuntimeException e) {
        log.warn("Generation {}: step failed", generation.id(), e);
        if (generation.attempts() + 1 < settings.maxAttempts()) {
            boolean inDoubt = generations
                    .byId(generation.id())
                    .map(GenerationRow::submitInDoubt)
                    .orElse(false);
            return retryLater(generation, INTERNAL, e.toString(), null, inDoubt);
        }
        return end(generation, INTERNAL, null, e.toString());
    }

    private Instant retryLater(
            GenerationRow generation,
            String code,
            @Nullable String raw,
            @Nullable Duration retryAfter,
            boolean inDoubt) {
        if (inDoubt) {
            generations.countAttemptInDoubt(generation.id(), code, raw);
        } else {
            generations.countAttempt(generation.id(), code, raw);
        }
        if (!generation.submitted() && !inDoubt) {
            release(generation); // others may use the slot while we wait
        }
        announce(generation);
        return Instant.now().plus(backoff(generation.attempts() + 1, retryAfter));
    }

    /**
     * Ends a generation whose job failed more often than the scheduler retries (see {@link GenerationJobs}), so it
     * neither waits for ever nor keeps its provider slot.
     */
    void abandon(UUID generationId) {
        generations
                .byId(generationId)
                .filter(generation -> !generation.status().finished())
                .ifPresent(generation -> end(generation, INTERNAL, null, "The job kept failing"));
    }

    private @Nullable Instant end(GenerationRow generation, String code, @Nullable String field, @Nullable String raw) {
        log.info("Generation {} failed: {}", generation.id(), code);
        generations.fail(generation.id(), code, field, raw);
        release(generation);
        announce(generation);
        return null;
    }

    private @Nullable Instant cancel(GenerationRow generation, CatalogModel model, ProviderAdapter adapter) {
        cancelQuietly(generation, model, adapter);
        generations.markCancelled(generation.id());
        release(generation);
        announce(generation);
        return null;
    }

    /**
     * Asks the provider to stop, with only what a cancel needs. A submit in doubt under an id of ours is cancelled
     * under that id, in case it arrived. A provider that cannot be reached or answers oddly does not stop the cancel.
     */
    private void cancelQuietly(GenerationRow generation, CatalogModel model, ProviderAdapter adapter) {
        String requestId = generation.providerRequestId();
        if (requestId == null && generation.submitInDoubt() && adapter instanceof NamedRequests) {
            requestId = generation.submitRequestId();
        }
        if (requestId == null) {
            return;
        }
        try {
            adapter.cancel(calls.submitted(generation, model), requestId);
        } catch (ProviderException e) {
            log.info("Provider could not cancel generation {}: {}", generation.id(), e.kind());
        } catch (RuntimeException e) {
            log.warn("Generation {}: the cancel failed", generation.id(), e);
        }
    }

    /**
     * Gives the generation's slot back and wakes the provider's longest-waiting generation at once, so a freed
     * slot is not left empty until that one's next look.
     */
    private void release(GenerationRow generation) {
        slots.giveBack(generation.id());
        line.leaves(generation.providerId(), generation.id());
        for (UUID next : line.first(generation.providerId(), WAKE_TRIES)) {
            if (jobs.wake(next)) {
                return;
            }
        }
    }

    private boolean overdue(GenerationRow generation, CatalogModel model) {
        Instant started = generation.startedAt();
        Duration limit = model.task().makesVideo() ? settings.videoTimeLimit() : settings.imageTimeLimit();
        return started != null && started.plus(limit).isBefore(Instant.now());
    }

    /** Exponential backoff with jitter, never shorter than what the provider asked for. */
    Duration backoff(int attempt, @Nullable Duration retryAfter) {
        long base = settings.backoffBase().toMillis() << Math.min(attempt - 1, 16);
        Duration wait =
                jittered(Duration.ofMillis(Math.min(base, settings.backoffCap().toMillis())));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private static Duration jittered(Duration wait) {
        double factor = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (wait.toMillis() * factor));
    }

    private void announce(GenerationRow generation) {
        calls.projectOf(generation)
                .ifPresent(project -> live.publish(project, new LiveEvent("generation", generation.shotId(), null)));
    }
}
