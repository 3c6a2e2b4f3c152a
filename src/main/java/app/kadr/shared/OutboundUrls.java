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
 * spelled ({@code 0x7f000001}, {@code 2130706433}, {@code 127.1}, {@code [::ffff:127.0.0.1]}), checked when saved,
 * before each call, and at each connection, which goes to exactly the addresses checked ({@link OutboundHttp}), so a
 * name re-pointed inside is caught and cannot move a connection. An admin who runs the server themselves (ComfyUI, a
 * local LLM) marks it «свой сервер»: then its host, and only its host, is called wherever it is.
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
            OutboundAddresses.numericIpv4(uri.getHost());
        } catch (IllegalArgumentException e) {
            throw new Refused("outbound.url.malformed", "malformed numeric host");
        }
        try {
            addressesOf(uri.getHost(), null, InetAddress::getAllByName);
        } catch (InternalAddress e) {
            throw new Refused("outbound.url.internal", e.getMessage());
        } catch (UnknownHostException e) {
            // unreachable for now; checked again before each call
        }
    }

    /** The host of an address an admin gave, as {@link #addressesOf} compares it; null if there is none. */
    public static @Nullable String hostOf(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return normalized(parse(url).getHost());
        } catch (Refused e) {
            return null;
        }
    }

    /** Host name to addresses: {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A connection was not made because its host leads inside the network. An {@link UnknownHostException}, because
     * that is all an HTTP client's resolver may throw.
     */
    public static final class InternalAddress extends UnknownHostException {
        InternalAddress(String host) {
            super(host + " is an internal address");
        }
    }

    /** A host written as a number or an IPv6 literal that is not one (e.g. {@code 256.0.0.1}). */
    public static final class MalformedHost extends UnknownHostException {
        MalformedHost(String message) {
            super(message);
        }
    }

    /**
     * Resolves {@code host} once and returns the addresses a connection may go to: every one of them public, unless
     * the host is exactly {@code allowedHost} (a self-hosted provider's own). Numeric spellings ({@code 0x7f000001},
     * {@code 127.1}) and IPv6 literals are read without DNS. The caller connects to exactly these addresses, so a
     * name re-pointed inside between the check and the connection cannot move it.
     *
     * @throws InternalAddress if any address is internal and the host is not the allowed one
     */
    public static List<InetAddress> addressesOf(String host, @Nullable String allowedHost, Resolver resolver)
            throws UnknownHostException {
        String name = normalized(host);
        List<InetAddress> addresses = resolve(name, resolver);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (name.equals(allowedHost)) {
            return addresses;
        }
        for (@Nullable InetAddress address : addresses) {
            if (address == null || OutboundAddresses.isInternal(address)) {
                throw new InternalAddress(host);
            }
        }
        return addresses;
    }

    /** Lower case, without the brackets of an IPv6 literal or a final dot. */
    private static String normalized(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
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

    private static List<InetAddress> resolve(String host, Resolver resolver) throws UnknownHostException {
        if (host.contains(":")) {
            // An IPv6 literal: parsed without DNS; ::ffff:a.b.c.d becomes the IPv4 address it carries.
            try {
                return List.of(InetAddress.getByName("[" + host + "]"));
            } catch (UnknownHostException e) {
                throw new MalformedHost("malformed IPv6 host");
            }
        }
        InetAddress numeric;
        try {
            numeric = OutboundAddresses.numericIpv4(host);
        } catch (IllegalArgumentException e) {
            throw new MalformedHost(e.getMessage());
        }
        return numeric != null ? List.of(numeric) : List.of(resolver.resolve(host));
    }
}
