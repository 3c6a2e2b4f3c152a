package app.kadr.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * HTTP clients for calls that carry a stored key (providers, the smart-edit agent). Every connection resolves its
 * host once through {@link OutboundUrls#addressesOf}, which refuses internal addresses, and connects to exactly the
 * addresses it checked: no second lookup a re-pointed name (DNS rebinding) could answer differently. Java's own
 * HTTP client resolves names itself and cannot be told where to connect, hence Apache's, whose resolver is
 * pluggable. TLS still verifies the certificate against the host name. No redirects (a key goes only where the
 * admin pointed it), no proxies, no automatic retries (a submit is never sent twice behind the studio's back).
 */
public final class OutboundHttp {

    private OutboundHttp() {}

    /**
     * @param allowedHost the one host that may be internal: a self-hosted provider's or agent's own (see
     *     {@link OutboundUrls#hostOf}); null for servers on the internet
     */
    public static CloseableHttpClient client(
            @Nullable String allowedHost, Duration connectTimeout, Duration readTimeout) {
        return client(allowedHost, connectTimeout, readTimeout, InetAddress::getAllByName);
    }

    static CloseableHttpClient client(
            @Nullable String allowedHost,
            Duration connectTimeout,
            Duration readTimeout,
            OutboundUrls.Resolver resolver) {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return OutboundUrls.addressesOf(host, allowedHost, resolver).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked of DNS: the name as written is what TLS checks
            }
        };
        ConnectionConfig timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(timeouts)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }
}
