package app.kadr.generation;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.Provider;
import app.kadr.catalog.ProviderKind;
import app.kadr.generation.provider.fal.FalWebhookAddress;
import app.kadr.generation.provider.fal.FalWebhookVerifier;
import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * fal's announcement that a request has finished. It has no session: fal signs it instead, and an unsigned or
 * badly signed one is refused (401) without changing anything. A genuine one only wakes the generation's job,
 * which then asks fal for the result as after any poll; the payload is not trusted for results, so a result is
 * stored once whichever way the job learnt of it, and a lost webhook only costs the time until the next poll.
 */
@RestController
class FalWebhookApi {

    private static final Logger log = LoggerFactory.getLogger(FalWebhookApi.class);
    /** fal's announcement carries URLs, not files; anything bigger is not one. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final FalWebhookAddress address;
    private final FalWebhookVerifier verifier;
    private final Catalog catalog;
    private final Generations generations;
    private final GenerationJobs jobs;

    FalWebhookApi(
            FalWebhookAddress address,
            FalWebhookVerifier verifier,
            Catalog catalog,
            Generations generations,
            GenerationJobs jobs) {
        this.address = address;
        this.verifier = verifier;
        this.catalog = catalog;
        this.generations = generations;
        this.jobs = jobs;
    }

    /**
     * Answers 404 when webhooks are off, and 200 also for a request Kadr does not know (any more), so that fal
     * stops retrying it.
     */
    @PostMapping(FalWebhookAddress.PATH)
    ResponseEntity<Void> finished(HttpServletRequest request) throws IOException {
        if (address.url().isEmpty()) {
            // Off: then a stranger's post must not even make Kadr fetch fal's keys.
            throw KadrException.notFound();
        }
        byte[] body = body(request);
        Optional<String> requestId = verifier.verify(request::getHeader, body);
        if (requestId.isEmpty()) {
            log.info("A fal webhook was refused: its signature is missing, stale or wrong");
            throw KadrException.of(Problem.UNAUTHORIZED, "problem.fal_webhook.signature");
        }
        for (Provider provider : catalog.providers()) {
            if (provider.kind() == ProviderKind.FAL) {
                for (UUID generation : generations.runningWith(provider.id(), requestId.get())) {
                    log.debug("fal announced request {} of generation {}", requestId.get(), generation);
                    jobs.wakeOnNews(generation);
                }
            }
        }
        return ResponseEntity.ok().build();
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw KadrException.of(Problem.TOO_LARGE, "problem.fal_webhook.too_large");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw KadrException.of(Problem.TOO_LARGE, "problem.fal_webhook.too_large");
            }
            return body;
        }
    }
}
