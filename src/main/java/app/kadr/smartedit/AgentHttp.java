package app.kadr.smartedit;

import app.kadr.smartedit.AgentException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the agents' HTTP calls have in common (the chat completions server, Runware's promptEnhance): the client,
 * and the failures that mean the same for any of them, so that a person reads the same message for each.
 */
final class AgentHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private AgentHttp() {}

    /** HTTP/1.1 and no redirects followed, so that a key goes only to the address the admin has set. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends a request; a server that cannot be reached and one that does not answer in time are told apart. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws AgentException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new AgentException(Kind.UNREACHABLE, e.toString());
        } catch (HttpTimeoutException e) {
            throw new AgentException(Kind.TIMEOUT, e.toString());
        } catch (IOException e) {
            throw new AgentException(Kind.UNREACHABLE, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(Kind.TIMEOUT, "interrupted");
        }
    }

    /**
     * Fails on the statuses every agent means alike: busy, a key refused, the server failing. Other refusals say
     * more in their body, which each agent reads its own way.
     */
    static void failOnServerStatus(int status) throws AgentException {
        if (status == 429) {
            throw new AgentException(Kind.BUSY, null);
        }
        if (status == 401 || status == 403) {
            throw new AgentException(Kind.AUTH, null);
        }
        if (status >= 500) {
            throw new AgentException(Kind.FAILED, "HTTP " + status);
        }
    }
}
