package app.kadr.shared;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one set of rules for addresses the studio must not reach on its own: the result downloader, provider
 * addresses and the smart-edit agent all ask here, so a trick refused in one place is refused in all.
 */
public final class OutboundAddresses {

    private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

    private OutboundAddresses() {}

    /**
     * The IPv4 address a numeric host spells, the way browsers and {@code inet_aton} read it: one to four parts,
     * each decimal, octal (leading 0) or hex (0x), the last filling the remaining bytes. So {@code 2130706433},
     * {@code 0x7f000001}, {@code 017700000001} and {@code 127.1} all mean 127.0.0.1. Null if the host is a name.
     */
    public static @Nullable InetAddress numericIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        for (String part : parts) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return null;
            }
        }
        if (parts.length > 4) {
            throw new IllegalArgumentException("malformed numeric host");
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < parts.length; i++) {
            BigInteger part = parsePart(parts[i]);
            boolean last = i == parts.length - 1;
            int bits = last ? 8 * (4 - i) : 8;
            if (part.bitLength() > bits) {
                throw new IllegalArgumentException("malformed numeric host");
            }
            value = last ? value.shiftLeft(bits).or(part) : value.shiftLeft(8).or(part);
        }
        long v = value.longValueExact();
        byte[] bytes = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    private static BigInteger parsePart(String part) {
        if (part.startsWith("0x") || part.startsWith("0X")) {
            return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
            if (!part.chars().allMatch(c -> c >= '0' && c <= '7')) {
                return BigInteger.TWO.pow(64); // 08, 09: no valid octal, too big for any position
            }
            return new BigInteger(part.substring(1), 8);
        }
        return new BigInteger(part);
    }

    /**
     * True for every address a download must not reach: loopback, unspecified, private, link-local (cloud
     * metadata), carrier-grade NAT, multicast, reserved and broadcast IPv4; loopback, unspecified, unique-local,
     * link-local, site-local and multicast IPv6; and IPv6 forms that carry such an IPv4 address (mapped,
     * compatible, NAT64, 6to4, Teredo).
     */
    public static boolean isInternal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(b);
        }
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return true;
        }
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        int first = u(b[0]);
        if ((first & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique local (e.g. fd00:ec2::254, the AWS IPv6 metadata address)
        }
        if (allZero(b, 0, 10) && ((u(b[10]) == 0xff && u(b[11]) == 0xff) || (u(b[10]) == 0 && u(b[11]) == 0))) {
            return isInternalIpv4(slice(b, 12)); // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
        }
        if (first == 0x00 && u(b[1]) == 0x64 && u(b[2]) == 0xff && u(b[3]) == 0x9b) {
            // 64:ff9b::/96 well-known NAT64 embeds an IPv4 address; 64:ff9b:1::/48 is for local use only.
            return (u(b[4]) == 0 && u(b[5]) == 1) || isInternalIpv4(slice(b, 12));
        }
        if (first == 0x20 && u(b[1]) == 0x02) {
            return isInternalIpv4(slice(b, 2)); // 2002::/16 6to4
        }
        if (first == 0x20 && u(b[1]) == 0x01 && u(b[2]) == 0 && u(b[3]) == 0) {
            byte[] client = slice(b, 12); // 2001::/32 Teredo: the client's IPv4 address, inverted
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return isInternalIpv4(client);
        }
        return first == 0x01 && allZero(b, 1, 8); // 100::/64 discard-only
    }

    private static boolean isInternalIpv4(byte[] b) {
        int a0 = u(b[0]);
        int a1 = u(b[1]);
        return a0 == 0 // 0.0.0.0/8 "this network", 0.0.0.0 reaches localhost on Linux
                || a0 == 10 // 10/8 private
                || a0 == 127 // 127/8 loopback
                || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 carrier-grade NAT (and Alibaba's metadata)
                || (a0 == 169 && a1 == 254) // 169.254/16 link-local, cloud metadata 169.254.169.254
                || (a0 == 172 && (a1 & 0xf0) == 16) // 172.16/12 private
                || (a0 == 192 && a1 == 168) // 192.168/16 private
                || (a0 == 192 && a1 == 0 && u(b[2]) == 0) // 192.0.0/24 protocol assignments (Oracle metadata)
                || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15 benchmarking, used inside networks
                || a0 >= 224; // 224/4 multicast, 240/4 reserved, 255.255.255.255 broadcast
    }

    private static int u(byte b) {
        return b & 0xff;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        byte[] out = new byte[4];
        System.arraycopy(b, from, out, 0, 4);
        return out;
    }
}
