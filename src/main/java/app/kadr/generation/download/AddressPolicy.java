package app.kadr.generation.download;

import app.kadr.generation.download.DownloadException.Reason;
import app.kadr.shared.OutboundAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides which addresses a download may connect to. A host is resolved once, every address it resolves to is
 * checked, and the download then connects to exactly those addresses, so the check and the connection see the same
 * answer.
 */
final class AddressPolicy {

    /** Host name to addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final Predicate<InetAddress> forbidden;

    AddressPolicy(Resolver resolver, Predicate<InetAddress> forbidden) {
        this.resolver = resolver;
        this.forbidden = forbidden;
    }

    /** The real resolver and the real rules. */
    static AddressPolicy standard() {
        return new AddressPolicy(InetAddress::getAllByName, AddressPolicy::isInternal);
    }

    /**
     * The addresses to connect to for {@code target}: all of them public, unless the host is exactly
     * {@code allowedPrivateHost} (already {@linkplain Target#normalizeHost normalised}).
     */
    List<InetAddress> addressesFor(Target target, @Nullable String allowedPrivateHost) throws DownloadException {
        String host = target.host();
        List<InetAddress> addresses;
        try {
            addresses = resolve(host, target.ipv6Literal());
        } catch (UnknownHostException e) {
            throw new DownloadException(Reason.NETWORK, "cannot resolve " + target.display(), e);
        }
        if (addresses.isEmpty()) {
            throw new DownloadException(Reason.NETWORK, "cannot resolve " + target.display());
        }
        if (host.equals(allowedPrivateHost)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (forbidden.test(address)) {
                throw new DownloadException(
                        Reason.FORBIDDEN_ADDRESS, target.display() + " resolves to an internal address");
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(String host, boolean ipv6Literal) throws UnknownHostException, DownloadException {
        if (ipv6Literal) {
            // A bracketed literal: InetAddress parses it without asking DNS (and turns ::ffff:a.b.c.d into IPv4).
            try {
                return List.of(InetAddress.getByName("[" + host + "]"));
            } catch (UnknownHostException e) {
                throw new DownloadException(Reason.BAD_URL, "malformed IPv6 host");
            }
        }
        InetAddress numeric = numericIpv4(host);
        if (numeric != null) {
            return List.of(numeric);
        }
        return List.of(resolver.resolve(host));
    }

    /** See {@link OutboundAddresses#numericIpv4}; a malformed numeric host is a bad URL. */
    static @Nullable InetAddress numericIpv4(String host) throws DownloadException {
        try {
            return OutboundAddresses.numericIpv4(host);
        } catch (IllegalArgumentException e) {
            throw new DownloadException(Reason.BAD_URL, e.getMessage());
        }
    }

    /** See {@link OutboundAddresses#isInternal}. */
    static boolean isInternal(InetAddress address) {
        return OutboundAddresses.isInternal(address);
    }
}
