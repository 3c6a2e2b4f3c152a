package app.kadr.generation.provider.openai;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * OpenAI (and servers speaking its protocol at another base URL): gpt-image-1 images, answered at once, and
 * Sora 2 videos ({@code sora-2}, {@code sora-2-pro}), a job to poll. Which one is decided by the model id.
 */
@Component
class OpenAiAdapter implements ProviderAdapter {

    private static final Logger log = LoggerFactory.getLogger(OpenAiAdapter.class);

    private final Duration readTimeout;

    OpenAiAdapter() {
        this(ProviderHttp.READ_TIMEOUT);
    }

    OpenAiAdapter(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        RestClient api = api(request);
        ProviderRequest documented = withoutSeed(request);
        Submission submission =
                SoraVideos.handles(request) ? SoraVideos.submit(api, documented) : OpenAiImages.submit(api, documented);
        log.debug("OpenAI {} answered {}", request.externalId(), submission.providerRequestId());
        return submission;
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        if (!SoraVideos.handles(request)) {
            // Images come back with the submit; there is no job to ask about.
            throw ProviderException.of(Kind.FAILED, "OpenAI images are not polled: " + providerRequestId);
        }
        return SoraVideos.poll(api(request), providerRequestId);
    }

    @Override
    public void cancel(ProviderRequest request, String providerRequestId) throws ProviderException {
        if (SoraVideos.handles(request)) {
            SoraVideos.cancel(api(request), providerRequestId);
        }
    }

    /**
     * Neither {@code /images/generations}, {@code /images/edits} nor {@code /videos} has a seed (openai-python's
     * {@code ImageGenerateParams}, {@code ImageEditParams}, {@code VideoCreateParams}), and OpenAI refuses a field
     * it does not know with 400 {@code unknown_parameter}. The studio still records the seed it chose.
     */
    private static ProviderRequest withoutSeed(ProviderRequest request) {
        Map<String, Object> input = new LinkedHashMap<>(request.input());
        input.remove("seed");
        return new ProviderRequest(
                request.baseUrl(),
                request.apiKey(),
                request.externalId(),
                request.task(),
                input,
                request.sources(),
                request.count(),
                request.workflow(),
                request.selfHosted());
    }

    /** The API with the key on every call; a missing key fails before anything is sent. */
    private RestClient api(ProviderRequest request) throws ProviderException {
        String key = request.apiKey();
        if (key == null || key.isBlank()) {
            throw ProviderException.of(Kind.NO_KEY, null);
        }
        String baseUrl = request.baseUrl().endsWith("/")
                ? request.baseUrl().substring(0, request.baseUrl().length() - 1)
                : request.baseUrl();
        return ProviderHttp.client(baseUrl, readTimeout, request.selfHosted())
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(key))
                .build();
    }
}
