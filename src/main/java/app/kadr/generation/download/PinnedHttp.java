package app.kadr.generation.download;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately small HTTP/1.1 client: one GET, over a socket connected to an address that was already checked,
 * with TLS that still verifies the certificate against the URL's host name (SNI and endpoint identification) —
 * so the connection goes exactly where the check looked, whatever DNS says a moment later. No proxies, no cookies,
 * no credentials, no redirects, no compression, one request per connection; every read is bounded by the
 * download's deadline.
 */
final class PinnedHttp {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9a-fA-F]{1,15}");

    private final Duration connectTimeout;

    PinnedHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** A response whose head has been read; the body streams from the still-open connection until closed. */
    static final class Response implements Closeable {
        private final Socket socket;
        private final int status;
        private final Map<String, List<String>> headers;
        private final InputStream body;
        private final long contentLength;

        private Response(
                Socket socket, int status, Map<String, List<String>> headers, InputStream body, long contentLength) {
            this.socket = socket;
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.contentLength = contentLength;
        }

        int status() {
            return status;
        }

        /** The first value of a header, by case-insensitive name. */
        @Nullable
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The announced body length, or -1 when the body is chunked or runs until the connection closes. */
        long contentLength() {
            return contentLength;
        }

        /** The body, de-chunked; ends early with an {@link EOFException} if the connection breaks. */
        InputStream body() {
            return body;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Sends {@code GET target} to the first of {@code addresses} that accepts a connection. */
    Response get(Target target, List<InetAddress> addresses, long deadlineNanos) throws IOException {
        Socket socket = connect(addresses, target.port(), deadlineNanos);
        try {
            if (target.https()) {
                socket = tls(socket, target, deadlineNanos);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target.requestTarget() + " HTTP/1.1\r\n"
                            + "Host: " + target.hostHeader() + "\r\n"
                            + "User-Agent: Kadr\r\n"
                            + "Accept: */*\r\n"
                            + "Accept-Encoding: identity\r\n"
                            + "Connection: close\r\n"
                            + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInput(socket, deadlineNanos), 64 * 1024);
            return read(socket, in);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket, e);
            throw e;
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, long deadlineNanos) throws IOException {
        IOException last = new IOException("no address to connect to");
        for (InetAddress address : addresses) {
            int timeout = (int) Math.min(connectTimeout.toMillis(), remainingMillis(deadlineNanos));
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, port), Math.max(1, timeout));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket, e);
                last = e;
            }
        }
        throw last;
    }

    private static Socket tls(Socket plain, Target target, long deadlineNanos) throws IOException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket socket = (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        String sniName = target.host().endsWith(".")
                ? target.host().substring(0, target.host().length() - 1)
                : target.host();
        if (!target.ipv6Literal() && !sniName.matches("[0-9.]*")) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(sniName)));
            } catch (IllegalArgumentException e) {
                // Not a name SNI can carry; the certificate is still checked against the host.
            }
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(remainingMillis(deadlineNanos));
        socket.startHandshake();
        return socket;
    }

    private static Response read(Socket socket, InputStream in) throws IOException {
        int[] budget = {MAX_HEAD};
        while (true) {
            String statusLine = readLine(in, budget);
            Matcher matcher = STATUS_LINE.matcher(statusLine);
            if (!matcher.matches()) {
                throw new ProtocolException("not an HTTP/1.1 status line");
            }
            int status = Integer.parseInt(matcher.group(1));
            Map<String, List<String>> headers = readHeaders(in, budget);
            if (status == 101) {
                throw new ProtocolException("unexpected protocol switch");
            }
            if (status < 200) {
                continue; // 100 Continue, 103 Early Hints: the real answer follows
            }
            return frame(socket, in, status, headers);
        }
    }

    private static Response frame(Socket socket, InputStream in, int status, Map<String, List<String>> headers)
            throws IOException {
        if (status == 204 || status == 304) {
            return new Response(socket, status, headers, InputStream.nullInputStream(), 0);
        }
        List<String> transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null) {
            String codings = String.join(",", transferEncoding);
            String lastCoding = codings.substring(codings.lastIndexOf(',') + 1).strip();
            InputStream body = lastCoding.equalsIgnoreCase("chunked") ? new ChunkedInput(in) : in;
            return new Response(socket, status, headers, body, -1);
        }
        List<String> contentLength = headers.get("content-length");
        if (contentLength != null) {
            long length = -1;
            for (String value : String.join(",", contentLength).split(",", -1)) {
                String v = value.strip();
                if (!v.matches("[0-9]{1,18}") || (length >= 0 && length != Long.parseLong(v))) {
                    throw new ProtocolException("malformed Content-Length");
                }
                length = Long.parseLong(v);
            }
            return new Response(socket, status, headers, new FixedInput(in, length), length);
        }
        return new Response(socket, status, headers, in, -1);
    }

    private static Map<String, List<String>> readHeaders(InputStream in, int[] budget) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in, budget);
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (count >= MAX_HEADERS
                    || colon <= 0
                    || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new ProtocolException("malformed response header");
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
    }

    /** One CRLF- (or LF-) terminated line, at most {@code budget[0]} bytes, which it uses up. */
    private static String readLine(InputStream in, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed in the middle of a line");
            }
            if (--budget[0] < 0 || line.length() > MAX_LINE) {
                throw new ProtocolException("response line too long");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("the download took longer than allowed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000));
    }

    private static void closeQuietly(Socket socket, Exception failure) {
        try {
            socket.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Arms the socket's read timeout with what is left of the deadline before every read. */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket socket;
        private final long deadlineNanos;

        DeadlineInput(Socket socket, long deadlineNanos) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return super.read(b, off, len);
        }
    }

    /** A body of announced length; ending sooner is an error, not a short file. */
    private static final class FixedInput extends InputStream {
        private final InputStream in;
        private long remaining;

        FixedInput(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the body ended before its Content-Length");
            }
            remaining -= n;
            return n;
        }
    }

    /** Transfer-Encoding: chunked, decoded; trailers are read and dropped. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private long remaining;
        private boolean started;
        private boolean finished;

        ChunkedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (finished) {
                return -1;
            }
            if (remaining == 0) {
                if (started && !readLine(in, new int[] {MAX_LINE}).isEmpty()) {
                    throw new ProtocolException("malformed chunk end");
                }
                started = true;
                String size = readLine(in, new int[] {MAX_LINE});
                int semicolon = size.indexOf(';');
                size = (semicolon < 0 ? size : size.substring(0, semicolon)).strip();
                if (!CHUNK_SIZE.matcher(size).matches()) {
                    throw new ProtocolException("malformed chunk size");
                }
                remaining = Long.parseLong(size, 16);
                if (remaining == 0) {
                    readHeaders(in, new int[] {MAX_HEAD}); // trailers
                    finished = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the body ended inside a chunk");
            }
            remaining -= n;
            return n;
        }
    }
}
