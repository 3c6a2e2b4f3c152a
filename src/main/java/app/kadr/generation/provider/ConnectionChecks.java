package app.kadr.generation.provider;

import app.kadr.catalog.CheckProblem;
import app.kadr.catalog.ConnectionCheck;
import app.kadr.catalog.Provider;
import app.kadr.shared.OutboundUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * «Проверить подключение»: each provider's cheapest documented call that needs its key, nothing that costs money.
 *
 * <ul>
 *   <li>fal: the queue status of a request that does not exist ({@code GET {base}/fal-ai/flux/requests/{id}/status},
 *       fal-ai/fal-js {@code queue.status}); a wrong key is 401/403, a good one is told the request is unknown.
 *   <li>Runware: the {@code authentication} task ({@code [{"taskType":"authentication","apiKey"}]}, Runware/sdk-python
 *       {@code runware/server.py}); a wrong key answers an error of that task type or {@code invalidApiKey}.
 *   <li>Stability: {@code GET /v1/user/account} (Stability's REST reference, stability-ai SDK {@code v1.user.account}).
 *   <li>OpenAI: {@code GET {base}/models} (openai-python {@code models.list}).
 *   <li>ComfyUI: {@code GET {base}/system_stats} (comfyanonymous/ComfyUI {@code server.py}); it has no key.
 * </ul>
 */
@Component
class ConnectionChecks implements ConnectionCheck {

    static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    @Override
    public Outcome check(Provider provider, @Nullable String apiKey) {
        Outcome outcome = call(provider, apiKey);
        if (apiKey != null
                && !apiKey.isBlank()
                && outcome.detail() != null
                && outcome.detail().contains(apiKey)) {
            // Some providers repeat a wrong key in their answer; it never reaches a page or the database.
            return new Outcome(outcome.problem(), outcome.detail().replace(apiKey, "…"));
        }
        return outcome;
    }

    private static Outcome call(Provider provider, @Nullable String apiKey) {
        String base = provider.baseUrl() == null ? "" : stripSlash(provider.baseUrl());
        @Nullable String allowed = provider.selfHosted() ? OutboundUrls.hostOf(base) : null;
        try {
            return switch (provider.kind()) {
                case LOCAL -> Outcome.fine();
                case FAL -> fal(base, allowed, apiKey);
                case RUNWARE -> runware(base, allowed, apiKey);
                case STABILITY -> stability(base, allowed, apiKey);
                case OPENAI -> openai(base, allowed, apiKey);
                case COMFYUI -> comfyui(base, allowed);
            };
        } catch (ProviderException e) {
            return Outcome.of(
                    e.kind() == ProviderException.Kind.NO_ANSWER ? CheckProblem.TIMEOUT : CheckProblem.UNREACHABLE,
                    e.raw());
        } catch (IllegalArgumentException badAddress) {
            return Outcome.of(CheckProblem.UNREACHABLE, badAddress.getMessage());
        }
    }

    private static Outcome fal(String base, @Nullable String allowed, @Nullable String key) throws ProviderException {
        ProviderExchange answer = ProviderExchange.of(client(base, allowed)
                .get()
                .uri("/fal-ai/flux/requests/{id}/status", UUID.randomUUID())
                .header("Authorization", "Key " + key));
        if (answer.status() == 401 || answer.status() == 403) {
            return Outcome.of(CheckProblem.BAD_KEY, status(answer));
        }
        // Past the key check, fal says the made-up request is unknown (404) or, for some apps, its id is invalid.
        return answer.ok() || answer.status() == 404 || answer.status() == 400 || answer.status() == 422
                ? Outcome.fine()
                : unexpected(answer);
    }

    private static Outcome runware(String base, @Nullable String allowed, @Nullable String key)
            throws ProviderException {
        byte[] body = JsonMapper.shared()
                .writeValueAsBytes(List.of(Map.of("taskType", "authentication", "apiKey", String.valueOf(key))));
        ProviderExchange answer = ProviderExchange.of(client(base, allowed)
                .post()
                .headers(headers -> headers.setBearerAuth(String.valueOf(key)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body));
        String text = answer.text();
        if (answer.status() == 401
                || answer.status() == 403
                || text.contains("invalidApiKey")
                || text.contains("missingApiKey")) {
            return Outcome.of(CheckProblem.BAD_KEY, status(answer));
        }
        return answer.ok() && text.contains("\"data\"") && !text.contains("\"errors\"")
                ? Outcome.fine()
                : unexpected(answer);
    }

    private static Outcome stability(String base, @Nullable String allowed, @Nullable String key)
            throws ProviderException {
        // The account lives beside v2beta, at the host's /v1/user/account.
        URI account = URI.create(base + "/").resolve("/v1/user/account");
        return keyed(ProviderExchange.of(client(base, allowed)
                .get()
                .uri(account)
                .headers(headers -> headers.setBearerAuth(String.valueOf(key)))));
    }

    private static Outcome openai(String base, @Nullable String allowed, @Nullable String key)
            throws ProviderException {
        return keyed(ProviderExchange.of(client(base, allowed)
                .get()
                .uri("/models")
                .headers(headers -> headers.setBearerAuth(String.valueOf(key)))));
    }

    private static Outcome comfyui(String base, @Nullable String allowed) throws ProviderException {
        ProviderExchange answer =
                ProviderExchange.of(client(base, allowed).get().uri("/system_stats"));
        return answer.ok() && answer.text().contains("\"system\"") ? Outcome.fine() : unexpected(answer);
    }

    /** 2xx is fine, 401/403 a wrong key, anything else unexpected. */
    private static Outcome keyed(ProviderExchange answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            return Outcome.of(CheckProblem.BAD_KEY, status(answer));
        }
        return answer.ok() ? Outcome.fine() : unexpected(answer);
    }

    private static Outcome unexpected(ProviderExchange answer) {
        String text = answer.raw();
        return Outcome.of(
                CheckProblem.UNEXPECTED,
                status(answer) + (text == null || text.isBlank() ? "" : ": " + shortened(text)));
    }

    private static String status(ProviderExchange answer) {
        return "HTTP " + answer.status();
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Only a provider marked «свой сервер» may be reached inside the network, and only at its own host. */
    private static RestClient client(String base, @Nullable String allowed) {
        return ProviderHttp.client(base, TIME_LIMIT, allowed != null);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
