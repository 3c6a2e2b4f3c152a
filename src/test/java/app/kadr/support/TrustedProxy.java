package app.kadr.support;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;

/**
 * The reverse proxy the test studio trusts ({@code kadr.trusted-proxies}): requests sent from 127.0.0.2 — another
 * loopback address — may name their client in {@code X-Forwarded-For}; from 127.0.0.1, as every other test
 * connects, the header is ignored.
 */
public final class TrustedProxy {

    public static final String ADDRESS = "127.0.0.2";

    private TrustedProxy() {}

    /** A client whose connections leave from the proxy's address. */
    public static HttpClient client() {
        return builder().build();
    }

    public static HttpClient.Builder builder() {
        try {
            return HttpClient.newBuilder().localAddress(InetAddress.getByName(ADDRESS));
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The studio's address by IPv4 loopback, which a connection from 127.0.0.2 can reach. */
    public static String address(String baseUrl) {
        return baseUrl.replace("://localhost:", "://127.0.0.1:");
    }
}
