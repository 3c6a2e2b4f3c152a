package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls with a key connect only where the guard looked: every address a host resolves to is checked, the host is
 * resolved once, and the connection goes to exactly those addresses. A real HTTP server on this machine stands in
 * for what an attacker would like the studio to reach.
 */
class OutboundHttpTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    private HttpServer inside;
    private final List<String> reached = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aServerInsideTheNetwork() throws IOException {
        // The wildcard address: reachable as 127.0.0.1, localhost and [::1] alike.
        inside = HttpServer.create(new InetSocketAddress(0), 0);
        inside.createContext("/", exchange -> {
            reached.add(exchange.getRequestURI().toString());
            byte[] body = "secret".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stop() {
        inside.stop(0);
    }

    @Test
    void loopbackMetadataAndTheirDisguisesAreRefusedBeforeAnyConnection() throws IOException {
        int port = inside.getAddress().getPort();
        List<String> addresses = List.of(
                "http://127.0.0.1:" + port + "/a",
                "http://localhost:" + port + "/b",
                "http://0x7f000001:" + port + "/c",
                "http://2130706433:" + port + "/d",
                "http://[::1]:" + port + "/e",
                "http://[::ffff:127.0.0.1]:" + port + "/f",
                "http://169.254.169.254:" + port + "/latest/meta-data");
        try (CloseableHttpClient http = OutboundHttp.client(null, SHORT, SHORT)) {
            for (String address : addresses) {
                assertThat(catchThrowable(() -> get(http, address)))
                        .as(address)
                        .isInstanceOf(OutboundUrls.InternalAddress.class);
            }
        }
        assertThat(reached).isEmpty();
    }

    @Test
    void aServerOfOnesOwnIsReachedAtItsOwnHostOnly() throws IOException {
        int port = inside.getAddress().getPort();
        try (CloseableHttpClient http = OutboundHttp.client("localhost", SHORT, SHORT)) {
            assertThat(get(http, "http://localhost:" + port + "/own")).isEqualTo("secret");
            assertThat(catchThrowable(() -> get(http, "http://127.0.0.1:" + port + "/other")))
                    .isInstanceOf(OutboundUrls.InternalAddress.class);
        }
        assertThat(reached).containsExactly("/own");
    }

    @Test
    void aNameWithOnePublicAndOneInternalAddressIsRefused() throws IOException {
        int port = inside.getAddress().getPort();
        OutboundUrls.Resolver both = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7}), InetAddress.getLoopbackAddress()
        };
        try (CloseableHttpClient http = OutboundHttp.client(null, SHORT, SHORT, both)) {
            assertThat(catchThrowable(() -> get(http, "http://cdn.example:" + port + "/x")))
                    .isInstanceOf(OutboundUrls.InternalAddress.class);
        }
        assertThat(reached).isEmpty();
    }

    @Test
    void aNameReboundInsideAfterTheCheckIsNotLookedUpAgain() throws IOException {
        int port = inside.getAddress().getPort();
        AtomicInteger lookups = new AtomicInteger();
        // A DNS server under an attacker's control: a public address for the check, loopback for any later lookup.
        OutboundUrls.Resolver rebinding = host -> new InetAddress[] {
            lookups.getAndIncrement() == 0
                    ? InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7})
                    : InetAddress.getLoopbackAddress()
        };
        try (CloseableHttpClient http = OutboundHttp.client(null, Duration.ofMillis(500), SHORT, rebinding)) {
            Throwable failure = catchThrowable(() -> get(http, "http://rebind.example:" + port + "/x"));

            assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(UnknownHostException.class);
        }
        assertThat(lookups).hasValue(1);
        assertThat(reached)
                .as("the connection went to the checked public address, not loopback")
                .isEmpty();
    }

    private static @Nullable String get(CloseableHttpClient http, String address) throws IOException {
        return http.execute(new HttpGet(address), response -> EntityUtils.toString(response.getEntity()));
    }
}
