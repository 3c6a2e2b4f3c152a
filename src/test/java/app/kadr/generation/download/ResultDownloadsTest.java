package app.kadr.generation.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.generation.download.DownloadException.Reason;
import app.kadr.shared.OutboundAddresses;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ResultDownloadsTest {

    private static final WireMockServer server =
            new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().http2PlainDisabled(true));

    private static final long MB = 1024 * 1024;

    @TempDir
    Path work;

    private final ResultDownloads downloads =
            new ResultDownloads(Duration.ofMillis(300), Duration.ofSeconds(10), 3, AddressPolicy.standard());

    @BeforeAll
    static void start() {
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static URI local(String pathAndQuery) {
        return URI.create("http://localhost:" + server.port() + pathAndQuery);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private DownloadException failure(ResultDownloads downloads, URI url, @Nullable String allowed, long maxBytes) {
        return catchThrowableOfType(DownloadException.class, () -> downloads.download(url, allowed, maxBytes, work));
    }

    private DownloadException failure(URI url, @Nullable String allowed, long maxBytes) {
        return failure(downloads, url, allowed, maxBytes);
    }

    private List<Path> filesInWork() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.toList();
        }
    }

    @Test
    void springMakesItABeanWithTheDefaults() {
        try (var context = new AnnotationConfigApplicationContext(ResultDownloads.class)) {
            assertThat(context.getBean(ResultDownloads.class)).isNotNull();
        }
    }

    // ---- the happy path -------------------------------------------------------------------------------------

    @Test
    void downloadsTheWholeBodyByteForByteIntoANewFileInTheWorkDirectory() throws Exception {
        byte[] video = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(video);
        server.stubFor(
                get(urlPathEqualTo("/results/take.mp4")).willReturn(aResponse().withBody(video)));

        Path file = downloads.download(local("/results/take.mp4?sig=abc"), "localhost", 10 * MB, work);

        assertThat(file.getParent()).isEqualTo(work);
        assertThat(file.getFileName().toString()).startsWith("result-").endsWith(".mp4");
        assertThat(Files.readAllBytes(file)).isEqualTo(video);
        assertThat(filesInWork()).containsExactly(file);
    }

    @Test
    void sendsNoCookiesNoCredentialsAndTheUrlsOwnHostHeader() throws Exception {
        server.stubFor(get(urlPathEqualTo("/file")).willReturn(aResponse().withBody("x")));

        downloads.download(local("/file?X-Amz-Signature=s"), "localhost", MB, work);

        var request = server.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo("/file?X-Amz-Signature=s");
        assertThat(request.getHeader("Host")).isEqualTo("localhost:" + server.port());
        assertThat(request.containsHeader("Cookie")).isFalse();
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.containsHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void decodesAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1\r\n \r\n6\r\nworld!\r\n0\r\nX-Trailer: t\r\n\r\n")) {
            Path file = downloads.download(canned.url("/x.png"), "127.0.0.1", MB, work);

            assertThat(Files.readString(file)).isEqualTo("hello world!");
        }
    }

    @Test
    void skipsInterimResponsesBeforeTheRealOne() throws Exception {
        try (CannedServer canned = new CannedServer(
                "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            Path file = downloads.download(canned.url("/x"), "127.0.0.1", MB, work);

            assertThat(Files.readString(file)).isEqualTo("ok");
        }
    }

    // ---- internal addresses ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.9.9.9",
                "localhost",
                "LOCALHOST",
                "0.0.0.0",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.20",
                "169.254.169.254",
                "100.64.0.1",
                "100.100.100.200",
                "224.0.0.1",
                "255.255.255.255",
                "[::1]",
                "[::]",
                "[fc00::1]",
                "[fd00:ec2::254]",
                "[fe80::1]",
                "[::ffff:127.0.0.1]",
                "[::ffff:169.254.169.254]",
                "[::127.0.0.1]",
                "[64:ff9b::7f00:1]",
                "2130706433",
                "0x7f000001",
                "017700000001",
                "127.1",
                "0x7f.0.0.1",
                "0177.0.0.01",
                "0"
            })
    void refusesInternalAddressesWithoutConnecting(String host) throws Exception {
        server.stubFor(get(urlPathEqualTo("/file")).willReturn(aResponse().withBody("secret")));
        URI url = URI.create("http://" + host + ":" + server.port() + "/file?sig=abc");

        DownloadException e = failure(url, null, MB);

        // A connection attempt to 10.0.0.1 and the like would end as TIMEOUT or NETWORK (300 ms connect timeout).
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(e.retryable()).isFalse();
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(filesInWork()).isEmpty();
    }

    @Test
    void refusesOnAClosedPortWithoutEverTryingTheNetwork() throws Exception {
        // Were it to connect, a closed port would answer NETWORK; the guard answers first.
        DownloadException e = failure(URI.create("http://127.0.0.1:" + closedPort() + "/x"), null, MB);

        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
    }

    @Test
    void refusesAHostIfAnyOfItsAddressesIsInternal() throws Exception {
        AddressPolicy policy = new AddressPolicy(
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")});
        ResultDownloads guarded = new ResultDownloads(Duration.ofMillis(300), Duration.ofSeconds(5), 3, policy);

        assertThat(failure(guarded, URI.create("http://cdn.example/x"), null, MB)
                        .reason())
                .isEqualTo(Reason.FORBIDDEN_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.255.0.1",
                "172.20.1.1",
                "192.168.0.1",
                "169.254.0.1",
                "100.127.255.255",
                "0.1.2.3",
                "192.0.0.192",
                "198.18.0.1",
                "239.1.1.1",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "febf::1",
                "fec0::1",
                "fc00::1",
                "fdff::1",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::192.168.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "2002:7f00:1::1",
                "2002:c0a8:101::1",
                "2001:0:4136:e378:8000:63bf:80ff:fffe"
            })
    void theseAddressesAreInternal(String literal) throws Exception {
        assertThat(AddressPolicy.isInternal(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "192.169.0.1",
                "169.253.0.1",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void theseAddressesArePublic(String literal) throws Exception {
        assertThat(AddressPolicy.isInternal(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "0X7F000001", "017700000001", "127.1", "0x7f.1", "0177.0.0.1"})
    void numericHostSpellingsAreReadAsTheAddressTheySpell(String host) throws Exception {
        assertThat(OutboundAddresses.numericIpv4(host)).isNotNull();
        assertThat(OutboundAddresses.numericIpv4(host).getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAreNotNumericAndOutOfRangeNumbersAreBadUrls() throws Exception {
        assertThat(OutboundAddresses.numericIpv4("cdn.example.com")).isNull();
        assertThat(OutboundAddresses.numericIpv4("1e100.net")).isNull();
        assertThat(OutboundAddresses.numericIpv4("deadbeef")).isNull();
        assertThat(failure(URI.create("http://256.0.0.1/x"), null, MB).reason()).isEqualTo(Reason.BAD_URL);
        assertThat(failure(URI.create("http://1.2.3.4.5/x"), null, MB).reason()).isEqualTo(Reason.BAD_URL);
        assertThat(failure(URI.create("http://4294967296/x"), null, MB).reason())
                .isEqualTo(Reason.BAD_URL);
    }

    // ---- the provider's own host ----------------------------------------------------------------------------

    @Test
    void theProvidersOwnConfiguredPrivateHostIsAllowed() throws Exception {
        server.stubFor(get("/view").willReturn(aResponse().withBody("frame")));

        assertThat(downloads.download(local("/view"), "localhost", MB, work)).hasContent("frame");
        assertThat(downloads.download(local("/view"), "LocalHost", MB, work)).hasContent("frame");
        URI byIp = URI.create("http://127.0.0.1:" + server.port() + "/view");
        assertThat(downloads.download(byIp, "127.0.0.1", MB, work)).hasContent("frame");
        URI byIpv6 = URI.create("http://[::1]:" + server.port() + "/view");
        assertThat(failure(byIpv6, "::2", MB).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
    }

    @Test
    void anotherPrivateHostIsNotAllowed() {
        server.stubFor(get("/view").willReturn(aResponse().withBody("frame")));
        URI loopbackByIp = URI.create("http://127.0.0.1:" + server.port() + "/view");

        assertThat(failure(loopbackByIp, "localhost", MB).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(failure(local("/view"), "192.168.1.20", MB).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(failure(local("/view"), "localhost.evil.example", MB).reason())
                .isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // ---- redirects ------------------------------------------------------------------------------------------

    @Test
    void aRedirectFromTheAllowedHostToAnotherInternalAddressIsRefused() throws Exception {
        server.stubFor(get("/start")
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + server.port() + "/file")));
        server.stubFor(get("/meta")
                .willReturn(aResponse()
                        .withStatus(307)
                        .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        server.stubFor(get("/file").willReturn(aResponse().withBody("internal")));

        assertThat(failure(local("/start"), "localhost", MB).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(failure(local("/meta"), "localhost", MB).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        server.verify(0, getRequestedFor(urlEqualTo("/file")));
        assertThat(filesInWork()).isEmpty();
    }

    @Test
    void aPublicHostThatRedirectsToLoopbackIsRefused() throws Exception {
        // "cdn.test" plays a public CDN: it resolves to 127.0.0.2, which this policy alone treats as public.
        ResultDownloads pretend = new ResultDownloads(
                Duration.ofMillis(300), Duration.ofSeconds(5), 3, pretendPublic(new AtomicInteger()));
        server.stubFor(get("/start")
                .willReturn(aResponse()
                        .withStatus(301)
                        .withHeader("Location", "http://127.0.0.1:" + server.port() + "/file")));
        server.stubFor(get("/file").willReturn(aResponse().withBody("internal")));

        DownloadException e =
                failure(pretend, URI.create("http://cdn.test:" + server.port() + "/start"), "cdn.test", MB);

        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        server.verify(1, getRequestedFor(urlEqualTo("/start")));
        server.verify(0, getRequestedFor(urlEqualTo("/file")));
    }

    @Test
    void connectsToTheAddressItCheckedResolvingEachHostOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        ResultDownloads pretend =
                new ResultDownloads(Duration.ofMillis(300), Duration.ofSeconds(5), 3, pretendPublic(lookups));
        server.stubFor(get("/file").willReturn(aResponse().withBody("public")));

        // No DNS knows cdn.test: the bytes can only arrive over the connection to the checked 127.0.0.2.
        Path file = pretend.download(URI.create("http://cdn.test:" + server.port() + "/file"), "cdn.test", MB, work);

        assertThat(file).hasContent("public");
        assertThat(lookups).hasValue(1);
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Host"))
                .isEqualTo("cdn.test:" + server.port());
    }

    /**
     * cdn.test resolves to 127.0.0.2, a test server standing in for a public CDN; the tests name it as the one host
     * allowed inside (as a self-hosted provider's own host is), so only its resolution is let through.
     */
    private static AddressPolicy pretendPublic(AtomicInteger lookups) {
        return new AddressPolicy(host -> {
            if (!host.equals("cdn.test")) {
                throw new java.net.UnknownHostException(host);
            }
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2})};
        });
    }

    @Test
    void aRedirectChainLongerThanTheLimitIsRefused() {
        for (int i = 1; i <= 4; i++) {
            server.stubFor(
                    get("/r" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
        }
        server.stubFor(get("/r5").willReturn(aResponse().withBody("end")));

        DownloadException e = failure(local("/r1"), "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(e.status()).hasValue(302);
        assertThat(e.retryable()).isFalse();
        server.verify(0, getRequestedFor(urlEqualTo("/r5")));
    }

    @Test
    void aRedirectChainAsLongAsTheLimitIsFollowed() throws Exception {
        for (int i = 2; i <= 4; i++) {
            server.stubFor(
                    get("/r" + i).willReturn(aResponse().withStatus(303).withHeader("Location", "/r" + (i + 1))));
        }
        server.stubFor(get("/r5").willReturn(aResponse().withBody("end")));

        assertThat(downloads.download(local("/r2"), "localhost", MB, work)).hasContent("end");
    }

    @Test
    void aRelativeRedirectOnTheAllowedHostWorks() throws Exception {
        server.stubFor(get("/api/view?filename=a.png")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "../files/a.png?token=t")));
        server.stubFor(get("/files/a.png?token=t").willReturn(aResponse().withBody("png")));

        Path file = downloads.download(local("/api/view?filename=a.png"), "localhost", MB, work);

        assertThat(file).hasContent("png");
        assertThat(file.getFileName().toString()).endsWith(".png");
    }

    @Test
    void aRedirectWithoutLocationIsAnHttpError() {
        server.stubFor(get("/r").willReturn(aResponse().withStatus(302)));

        assertThat(failure(local("/r"), "localhost", MB).status()).hasValue(302);
    }

    @Test
    void aRedirectToAnotherSchemeIsABadUrl() {
        server.stubFor(get("/r").willReturn(aResponse().withStatus(302).withHeader("Location", "file:///etc/passwd")));

        assertThat(failure(local("/r"), "localhost", MB).reason()).isEqualTo(Reason.BAD_URL);
    }

    // ---- URLs -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://localhost/x",
                "data:text/plain;base64,aGk=",
                "jar:file:/tmp/a.jar!/x",
                "gopher://localhost/x",
                "http://user@localhost:PORT/file",
                "http://user:secret@localhost:PORT/file",
                "http://@localhost:PORT/file",
                "http:///file",
                "http:localhost",
                "http://localhost:0/file",
                "http://localhost:99999/file",
                "http://[fe80::1%25eth0]:PORT/file",
                "http://local%68ost:PORT/file"
            })
    void urlsOtherThanPlainHttpAndHttpsAreBadUrls(String url) {
        server.stubFor(get(urlPathEqualTo("/file")).willReturn(aResponse().withBody("x")));

        DownloadException e = failure(URI.create(url.replace("PORT", "" + server.port())), "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.BAD_URL);
        assertThat(e.retryable()).isFalse();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // ---- size -----------------------------------------------------------------------------------------------

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeReadingTheBody() throws Exception {
        // The server announces a gigabyte and then sends nothing: reading would hang until the timeout.
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nabc")) {
            long started = System.nanoTime();

            DownloadException e = failure(canned.url("/big.mp4"), "127.0.0.1", MB);

            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.retryable()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(filesInWork()).isEmpty();
        }
    }

    @Test
    void aBodyOverTheLimitWithItsLengthAnnouncedIsRefused() throws Exception {
        server.stubFor(get("/big").willReturn(aResponse().withBody(new byte[2000])));

        assertThat(failure(local("/big"), "localhost", 1999).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(downloads.download(local("/big"), "localhost", 2000, work)).hasSize(2000);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefusedMidStreamAndThePartialFileDeleted() throws Exception {
        String chunk = "190\r\n" + "x".repeat(400) + "\r\n";
        // Three chunks, then the server stalls without ending the body: only counting can stop the download.
        try (CannedServer canned =
                new CannedServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.repeat(3))) {
            long started = System.nanoTime();

            DownloadException e = failure(canned.url("/grow"), "127.0.0.1", 1000);

            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(filesInWork()).isEmpty();
        }
    }

    // ---- failures -------------------------------------------------------------------------------------------

    @Test
    void notFoundIsAnHttpErrorThatIsNotRetried() {
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("expired")));

        DownloadException e = failure(local("/gone"), "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(e.status()).hasValue(404);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void serviceUnavailableAndTooManyRequestsAreRetried() {
        server.stubFor(get("/busy").willReturn(aResponse().withStatus(503)));
        server.stubFor(get("/slow-down").willReturn(aResponse().withStatus(429)));

        DownloadException unavailable = failure(local("/busy"), "localhost", MB);
        DownloadException tooMany = failure(local("/slow-down"), "localhost", MB);

        assertThat(unavailable.status()).hasValue(503);
        assertThat(unavailable.retryable()).isTrue();
        assertThat(tooMany.status()).hasValue(429);
        assertThat(tooMany.retryable()).isTrue();
    }

    @Test
    void aBodyTrickleThatOutlastsTheTotalTimeoutIsATimeoutAndLeavesNoFile() throws Exception {
        ResultDownloads impatient =
                new ResultDownloads(Duration.ofSeconds(1), Duration.ofMillis(700), 3, AddressPolicy.standard());
        server.stubFor(
                get("/trickle").willReturn(aResponse().withBody(new byte[4000]).withChunkedDribbleDelay(40, 4000)));

        DownloadException e = failure(impatient, local("/trickle"), "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat(filesInWork()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() {
        ResultDownloads impatient =
                new ResultDownloads(Duration.ofSeconds(1), Duration.ofMillis(500), 3, AddressPolicy.standard());
        server.stubFor(get("/stall").willReturn(aResponse().withFixedDelay(3000)));

        assertThat(failure(impatient, local("/stall"), "localhost", MB).reason())
                .isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void aRefusedConnectionIsARetryableNetworkFailure() throws Exception {
        DownloadException e = failure(URI.create("http://localhost:" + closedPort() + "/x"), "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.NETWORK);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsANetworkFailureAndLeavesNoFile() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-ten!!", true)) {
            DownloadException e = failure(canned.url("/cut"), "127.0.0.1", MB);

            assertThat(e.reason()).isEqualTo(Reason.NETWORK);
            assertThat(filesInWork()).isEmpty();
        }
    }

    @Test
    void garbageInsteadOfHttpIsANetworkFailure() throws Exception {
        try (CannedServer canned = new CannedServer("SSH-2.0-OpenSSH_9.6\r\n", true)) {
            assertThat(failure(canned.url("/x"), "127.0.0.1", MB).reason()).isEqualTo(Reason.NETWORK);
        }
    }

    @Test
    void httpsChecksTheCertificate() throws Exception {
        // WireMock's certificate is self-signed: a client that skipped verification would download the file.
        server.stubFor(get("/file").willReturn(aResponse().withBody("x")));
        URI url = URI.create("https://localhost:" + server.httpsPort() + "/file");

        DownloadException e = failure(url, "localhost", MB);

        assertThat(e.reason()).isEqualTo(Reason.NETWORK);
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(filesInWork()).isEmpty();
    }

    @Test
    void theQueryStringNeverReachesTheLogsNorTheMessages() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ResultDownloads.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        List<String> messages = new ArrayList<>();
        try {
            server.stubFor(get(urlPathEqualTo("/signed"))
                    .willReturn(aResponse()
                            .withStatus(302)
                            .withHeader("Location", "/signed-final?X-Amz-Signature=hop-secret")));
            server.stubFor(
                    get(urlPathEqualTo("/signed-final")).willReturn(aResponse().withBody("ok")));
            server.stubFor(
                    get(urlPathEqualTo("/signed-gone")).willReturn(aResponse().withStatus(403)));

            downloads.download(local("/signed?X-Amz-Signature=top-secret"), "localhost", MB, work);
            messages.add(failure(local("/signed-gone?X-Amz-Signature=top-secret"), "localhost", MB)
                    .getMessage());
            messages.add(failure(URI.create("http://10.0.0.1/x?X-Amz-Signature=top-secret"), null, MB)
                    .getMessage());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        appender.list.forEach(event -> messages.add(event.getFormattedMessage()));
        assertThat(appender.list).isNotEmpty();
        assertThat(messages)
                .allSatisfy(message -> assertThat(message)
                        .doesNotContain("secret")
                        .doesNotContain("X-Amz")
                        .doesNotContain("/signed"));
    }

    @Test
    void theExceptionSaysWhetherToRetry() {
        assertThat(new DownloadException(Reason.NETWORK, "x").retryable()).isTrue();
        assertThat(new DownloadException(Reason.TIMEOUT, "x").retryable()).isTrue();
        assertThat(DownloadException.httpError(500, "x").retryable()).isTrue();
        assertThat(DownloadException.httpError(403, "x").retryable()).isFalse();
        assertThat(new DownloadException(Reason.TOO_LARGE, "x").status()).isEmpty();
    }

    /**
     * A server on 127.0.0.1 that answers every connection with fixed bytes and then either closes or stalls (until
     * closed itself), for what WireMock cannot be made to send.
     */
    private static final class CannedServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final Thread thread;

        CannedServer(String response) throws IOException {
            this(response, false);
        }

        CannedServer(String response, boolean closeAfter) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
            thread = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        connections.add(connection);
                        readRequestHead(connection.getInputStream());
                        OutputStream out = connection.getOutputStream();
                        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        if (closeAfter) {
                            connection.close();
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        private static void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int c; matched < 4 && (c = in.read()) >= 0; ) {
                matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
            }
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
            thread.join(2000);
        }
    }
}
