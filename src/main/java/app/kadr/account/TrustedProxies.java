package app.kadr.account;

import java.util.List;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a reverse proxy every request comes from the proxy's address, so throttles would count all people as one.
 * Tomcat's {@link RemoteIpValve} takes the client's address from {@code X-Forwarded-For} (and the scheme from
 * {@code X-Forwarded-Proto}) — but only when the request comes from one of {@code kadr.trusted-proxies}; anyone
 * else could write any address there. Without the setting the header is ignored. The {@code Host} header is never
 * taken from a proxy: links the studio builds use {@code kadr.public-url}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<String> networks;

    TrustedProxies(@Value("${kadr.trusted-proxies:}") List<String> networks) {
        this.networks = networks.stream()
                .map(String::strip)
                .filter(network -> !network.isEmpty())
                .map(TrustedProxies::checked)
                .toList();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (networks.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        // A list with a "/" is read as networks (Tomcat's NetMaskSet), never as the regular expression a single
        // plain address would be taken for.
        valve.setInternalProxies(String.join(", ", networks));
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(valve);
    }

    /** An address becomes a network of one; anything Tomcat cannot read stops the start with the culprit named. */
    private static String checked(String network) {
        String cidr = network.contains("/") ? network : network + (network.contains(":") ? "/128" : "/32");
        try {
            new NetMask(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "kadr.trusted-proxies (KADR_TRUSTED_PROXIES): not an address or network: " + network, e);
        }
        return cidr;
    }
}
