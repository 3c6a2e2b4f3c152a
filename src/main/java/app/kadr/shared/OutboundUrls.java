package app.kadr.shared;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Addresses an admin gives the studio to call with a stored key (providers, the smart-edit agent). They must lead to
 * the public internet: no credentials in the URL, no loopback, private, link-local or cloud-metadata address, however
 * spelled ({@code 0x7f000001}, {@code 2130706433}, {@code 127.1}, {@code [::ffff:127.0.0.1]}), checked when saved and
 * again before each call (names are resolved then, so a name that later points inside is caught). An admin who runs
 * the server themselves (ComfyUI, a local LLM) marks it «свой сервер»: then its host is called wherever it is.
 */
public final class OutboundUrls {

    private OutboundUrls() {}

    /** Why a call to an address was not made. */
    public static final class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String messageKey, String detail) {
            super(detail);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        /** The same refusal as the Russian 400 of a form or API field. */
        public KadrException asInvalid(String field) {
            return KadrException.invalid(field, messageKey);
        }
    }

    /**
     * Refuses an address unless every address its host resolves to now is public, or it is self-hosted. A name that
     * does not resolve (no DNS on an offline studio) passes: nothing can be sent to it, and the call checks again.
     */
    public static void check(String url, boolean selfHosted) {
        URI uri = parse(url);
        if (selfHosted) {
            return;
        }
        try {
            refuseInternal(uri, resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            // unreachable for now; checked again before each call
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("outbound.url.malformed", "not a URL");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new Refused("outbound.url.credentials", "credentials in the URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new Refused("outbound.url.malformed", "not an http(s) URL with a host");
        }
        return uri;
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.startsWith("[")) {
            // An IPv6 literal: parsed without DNS; ::ffff:a.b.c.d becomes the IPv4 address it carries.
            return List.of(InetAddress.getByName(host));
        }
        InetAddress numeric;
        try {
            numeric = OutboundAddresses.numericIpv4(host);
        } catch (IllegalArgumentException e) {
            throw new Refused("outbound.url.malformed", "malformed numeric host");
        }
        return numeric != null ? List.of(numeric) : List.of(InetAddress.getAllByName(host));
    }

    private static void refuseInternal(URI uri, List<InetAddress> addresses) {
        for (@Nullable InetAddress address : addresses) {
            if (address == null || OutboundAddresses.isInternal(address)) {
                throw new Refused("outbound.url.internal", uri.getHost() + " is an internal address");
            }
        }
    }
}
