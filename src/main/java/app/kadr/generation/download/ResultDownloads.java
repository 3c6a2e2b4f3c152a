package app.kadr.generation.download;

import app.kadr.generation.download.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads a provider's result URL into Kadr's storage at once, before the URL expires, without letting the URL
 * reach anything internal (SSRF).
 *
 * <p>Only {@code http} and {@code https} URLs without user info are fetched. The host is resolved once and the
 * download is refused if <em>any</em> address it resolves to is internal (see {@link AddressPolicy#isInternal}:
 * loopback, unspecified, private, link-local and cloud metadata, carrier-grade NAT, unique-local IPv6, multicast,
 * broadcast and reserved, and IPv6 forms embedding such IPv4 addresses); numeric spellings such as
 * {@code 2130706433}, {@code 0x7f000001} or {@code 017700000001} are read as the IPv4 address they spell. The one
 * exception is the provider's own configured host (say a self-hosted ComfyUI on the local network), matched
 * exactly and case-insensitively by name.
 *
 * <p><b>DNS rebinding.</b> The connection is made to the very address that was checked — the socket connects to
 * the resolved IP, and the request carries the URL's host in its {@code Host} header; for https the TLS handshake
 * sends the host as SNI and verifies the certificate against it. A name that resolves to a public address for
 * the check and to 127.0.0.1 a moment later therefore cannot redirect the connection. This is why the class uses
 * its own small HTTP/1.1 client ({@link PinnedHttp}) instead of the JDK {@code HttpClient}, which resolves names
 * itself. The residual limits: name resolution itself is not bounded by the total timeout, system proxies are
 * deliberately not used, and only HTTP/1.1 is spoken (every CDN still speaks it).
 *
 * <p>Redirects are followed here, at most {@code maxRedirects} of them, each hop checked like the first. The body
 * streams into a temporary file in the work directory, counted against the caller's limit, and is renamed to its
 * final name only when complete; any failure deletes the partial file. No cookies and no credentials are sent.
 * Logs name the host, never the path or query: signed URLs carry their secrets in the query.
 */
@Component
public class ResultDownloads {

    private static final Logger log = LoggerFactory.getLogger(ResultDownloads.class);
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,8})$");

    private final Duration totalTimeout;
    private final int maxRedirects;
    private final AddressPolicy policy;
    private final PinnedHttp http;

    /** Connect within 10 s, finish the whole download within 5 min, follow at most 3 redirects. */
    public ResultDownloads() {
        this(Duration.ofSeconds(10), Duration.ofMinutes(5), 3, AddressPolicy.standard());
    }

    ResultDownloads(Duration connectTimeout, Duration totalTimeout, int maxRedirects, AddressPolicy policy) {
        this.totalTimeout = totalTimeout;
        this.maxRedirects = maxRedirects;
        this.policy = policy;
        this.http = new PinnedHttp(connectTimeout);
    }

    /**
     * Downloads url into a new file inside workDir and returns it.
     *
     * @param allowedPrivateHost the host of the provider's own configured base URL (e.g. a self-hosted ComfyUI at
     *     192.168.1.20 or localhost), which alone may be private; null for cloud providers
     * @param maxBytes refuse (and delete the partial file) once more bytes than this arrive, and refuse at once if
     *     Content-Length says more
     * @throws UncheckedIOException if the work directory cannot be written
     */
    public Path download(URI url, @Nullable String allowedPrivateHost, long maxBytes, Path workDir)
            throws DownloadException {
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        String allowed = Target.normalizeHost(allowedPrivateHost);
        Target target = Target.parse(url);
        try {
            for (int redirects = 0; ; redirects++) {
                List<InetAddress> addresses = policy.addressesFor(target, allowed);
                log.debug("Downloading a result from {}", target.display());
                try (PinnedHttp.Response response = http.get(target, addresses, deadline)) {
                    int status = response.status();
                    if (isRedirect(status)) {
                        String location = response.header("Location");
                        if (location == null) {
                            throw DownloadException.httpError(status, target.display() + " redirected nowhere");
                        }
                        if (redirects >= maxRedirects) {
                            throw DownloadException.httpError(
                                    status, "more than " + maxRedirects + " redirects, last from " + target.display());
                        }
                        Target next = target.redirect(location);
                        log.debug("{} redirected to {}", target.display(), next.display());
                        target = next;
                        continue;
                    }
                    if (status < 200 || status > 299) {
                        throw DownloadException.httpError(status, target.display() + " answered " + status);
                    }
                    if (response.contentLength() > maxBytes) {
                        throw new DownloadException(
                                Reason.TOO_LARGE,
                                target.display() + " announced " + response.contentLength() + " bytes, more than "
                                        + maxBytes);
                    }
                    Path file = save(response.body(), target, maxBytes, workDir);
                    log.info("Downloaded a result from {} ({} bytes)", target.display(), local(() -> Files.size(file)));
                    return file;
                }
            }
        } catch (DownloadException e) {
            log.info("Refused or failed to download a result from {}: {}", target.display(), e.getMessage());
            throw e;
        } catch (SocketTimeoutException e) {
            log.info("Downloading a result from {} timed out", target.display());
            throw new DownloadException(Reason.TIMEOUT, target.display() + " took too long", e);
        } catch (IOException e) {
            log.info("Downloading a result from {} failed: {}", target.display(), e.toString());
            throw new DownloadException(Reason.NETWORK, target.display() + " could not be read", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Streams body into a temporary file, then renames it; network failures surface as {@link IOException}, a
     * failure to write the work directory as {@link UncheckedIOException}.
     */
    private static Path save(InputStream body, Target target, long maxBytes, Path workDir)
            throws IOException, DownloadException {
        Path part = local(() -> Files.createTempFile(workDir, ".download-", ".part"));
        boolean done = false;
        try {
            try (OutputStream out = local(() -> Files.newOutputStream(part))) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new DownloadException(
                                Reason.TOO_LARGE, target.display() + " sent more than " + maxBytes + " bytes");
                    }
                    int count = n;
                    local(() -> {
                        out.write(buffer, 0, count);
                        return null;
                    });
                }
            }
            Path file = workDir.resolve("result-" + UUID.randomUUID() + extension(target));
            local(() -> Files.move(part, file, StandardCopyOption.ATOMIC_MOVE));
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** The URL's file extension (".mp4", ".png") if it has a plain one, so the file keeps a useful name. */
    private static String extension(Target target) {
        String path = target.uri().getRawPath();
        Matcher matcher = EXTENSION.matcher(path == null ? "" : path);
        return matcher.find() ? "." + matcher.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    @FunctionalInterface
    private interface LocalIo<T> {
        T run() throws IOException;
    }

    /** Work-directory I/O: its failures are Kadr's, not the network's, so they are not retried as downloads. */
    private static <T> T local(LocalIo<T> io) {
        try {
            return io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
