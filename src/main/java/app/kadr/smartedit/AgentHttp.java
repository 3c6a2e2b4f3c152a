package app.kadr.smartedit;

import app.kadr.shared.OutboundHttp;
import app.kadr.shared.OutboundUrls;
import app.kadr.smartedit.AgentException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * What the agents' HTTP calls have in common (the chat completions server, Runware's promptEnhance): the client,
 * and the failures that mean the same for any of them, so that a person reads the same message for each.
 */
final class AgentHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private AgentHttp() {}

    /** What came back: the status and the body as text. */
    record Answer(int statusCode, String body) {}

    /**
     * Posts JSON over a client that connects only to public addresses it has checked itself, or, when the server is
     * marked «свой сервер», also to its own host (see {@link OutboundHttp}); no redirects are followed, so a key goes
     * only to the address the admin has set. A server that cannot be reached and one that does not answer in time
     * are told apart.
     */
    static Answer post(URI uri, boolean selfHosted, Duration timeout, Map<String, String> headers, String json)
            throws AgentException {
        String allowed = selfHosted ? OutboundUrls.hostOf(uri.toString()) : null;
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        try (CloseableHttpClient http = OutboundHttp.client(allowed, CONNECT_TIMEOUT, timeout)) {
            return http.execute(
                    post,
                    response -> new Answer(
                            response.getCode(),
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (OutboundUrls.InternalAddress e) {
            throw new AgentException(Kind.FORBIDDEN_ADDRESS, e.getMessage());
        } catch (ConnectTimeoutException | ConnectException | UnknownHostException e) {
            throw new AgentException(Kind.UNREACHABLE, e.toString());
        } catch (InterruptedIOException e) {
            throw new AgentException(Kind.TIMEOUT, e.toString());
        } catch (IOException e) {
            throw new AgentException(Kind.UNREACHABLE, e.toString());
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
