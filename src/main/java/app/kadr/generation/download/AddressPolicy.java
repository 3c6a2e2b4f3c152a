package app.kadr.generation.download;

import app.kadr.generation.download.DownloadException.Reason;
import app.kadr.shared.OutboundAddresses;
import app.kadr.shared.OutboundUrls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides which addresses a download may connect to, by the studio's one outbound rule ({@link
 * OutboundUrls#addressesOf}): a host is resolved once, every address it resolves to is checked, and the download
 * then connects to exactly those addresses, so the check and the connection see the same answer. This class only
 * turns that rule's refusals into a download's reasons.
 */
final class AddressPolicy {

    private final OutboundUrls.Resolver resolver;

    AddressPolicy(OutboundUrls.Resolver resolver) {
        this.resolver = resolver;
    }

    /** The real resolver. */
    static AddressPolicy standard() {
        return new AddressPolicy(InetAddress::getAllByName);
    }

    /**
     * The addresses to connect to for {@code target}: all of them public, unless the host is exactly
     * {@code allowedPrivateHost} (already {@linkplain Target#normalizeHost normalised}).
     */
    List<InetAddress> addressesFor(Target target, @Nullable String allowedPrivateHost) throws DownloadException {
        try {
            return OutboundUrls.addressesOf(target.host(), allowedPrivateHost, resolver);
        } catch (OutboundUrls.InternalAddress e) {
            throw new DownloadException(
                    Reason.FORBIDDEN_ADDRESS, target.display() + " resolves to an internal address");
        } catch (OutboundUrls.MalformedHost e) {
            throw new DownloadException(Reason.BAD_URL, e.getMessage());
        } catch (UnknownHostException e) {
            throw new DownloadException(Reason.NETWORK, "cannot resolve " + target.display(), e);
        }
    }

    /** See {@link OutboundAddresses#isInternal}. */
    static boolean isInternal(InetAddress address) {
        return OutboundAddresses.isInternal(address);
    }
}
