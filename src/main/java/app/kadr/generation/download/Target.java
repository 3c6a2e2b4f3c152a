package app.kadr.generation.download;

import app.kadr.generation.download.DownloadException.Reason;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One URL taken apart into what the pinned HTTP/1.1 request needs. The authority is parsed here, not by
 * {@link URI}, because {@code URI} gives up on hosts such as {@code 127.1} (it returns a null host) and we want one
 * parser deciding what the host is.
 *
 * @param host lower-case, without the brackets of an IPv6 literal
 * @param requestTarget the raw path and query, ASCII only
 */
record Target(URI uri, boolean https, String host, boolean ipv6Literal, int port, String requestTarget) {

    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,252}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    static Target parse(URI url) throws DownloadException {
        URI uri;
        try {
            // Non-ASCII characters in the path or query become UTF-8 percent escapes.
            uri = URI.create(url.toASCIIString());
        } catch (IllegalArgumentException e) {
            throw new DownloadException(Reason.BAD_URL, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DownloadException(Reason.BAD_URL, "only http and https URLs are downloaded");
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            throw new DownloadException(Reason.BAD_URL, "the URL has no host");
        }
        if (authority.indexOf('@') >= 0) {
            throw new DownloadException(Reason.BAD_URL, "URLs with user info are not downloaded");
        }
        String host;
        String port = "";
        boolean ipv6 = authority.startsWith("[");
        if (ipv6) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new DownloadException(Reason.BAD_URL, "malformed IPv6 host");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new DownloadException(Reason.BAD_URL, "malformed authority");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!(ipv6 ? IPV6 : HOSTNAME).matcher(host).matches()) {
            // Zone ids, percent escapes, non-ASCII names: nothing a provider's CDN needs.
            throw new DownloadException(Reason.BAD_URL, "malformed host");
        }
        int portNumber = scheme.equals("https") ? 443 : 80;
        if (!port.isEmpty()) {
            portNumber = PORT.matcher(port).matches() ? Integer.parseInt(port) : 0;
            if (portNumber < 1 || portNumber > 65535) {
                throw new DownloadException(Reason.BAD_URL, "malformed port");
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTarget = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        for (int i = 0; i < requestTarget.length(); i++) {
            char c = requestTarget.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new DownloadException(Reason.BAD_URL, "malformed path");
            }
        }
        return new Target(uri, scheme.equals("https"), host, ipv6, portNumber, requestTarget);
    }

    /** How a configured host is compared with a URL's host: lower case, IPv6 brackets dropped. */
    static @Nullable String normalizeHost(@Nullable String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The Host header: the host as written, with the port only when it is not the scheme's default. */
    String hostHeader() {
        String name = ipv6Literal ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? name : name + ":" + port;
    }

    /** What logs and messages may say about this URL: host and port, never the path or query. */
    String display() {
        return (ipv6Literal ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL a Location header points to, relative ones resolved against this one. */
    Target redirect(String location) throws DownloadException {
        URI next;
        try {
            next = uri.resolve(new URI(location.strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new DownloadException(Reason.BAD_URL, "malformed redirect from " + display());
        }
        return parse(next);
    }
}
