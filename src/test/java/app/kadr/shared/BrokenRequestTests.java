package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.RawHttp;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests that break HTTP's own rules (a cut multipart body, oversize headers, an address with an encoded
 * slash or NUL) get a Russian answer with a 4xx status: problem+json under /api, the error page elsewhere.
 */
@KadrTest
class BrokenRequestTests {

    private static final String BOUNDARY = "kadr-boundary";

    @Autowired
    Studio studio;

    Studio.Person owner;
    String shot;
    RawHttp http;

    @BeforeEach
    void aShot() {
        owner = studio.newPerson();
        shot = studio.newShot(owner, studio.newProject(owner, "Клип"), "Припев");
        http = new RawHttp(studio.baseUrl());
    }

    private static byte[] part(String fileName, byte[] content, boolean closed) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        if (closed) {
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return body.toByteArray();
    }

    private RawHttp.Answer upload(byte[] body) {
        return http.send(
                "POST",
                "/api/v1/shots/" + shot + "/assets",
                body,
                "Authorization",
                "Bearer " + owner.token(),
                "Content-Type",
                "multipart/form-data; boundary=" + BOUNDARY);
    }

    private int takes() {
        return owner.api()
                .get("/api/v1/shots/" + shot + "/assets")
                .json()
                .path("items")
                .size();
    }

    private static void assertRussianProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isRussianProblem()).as(answer.toString()).isTrue();
    }

    private static void assertRussianPage(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("text/html");
        assertThat(answer.text()).as(answer.toString()).contains("lang=\"ru\"").doesNotContain("Apache Tomcat");
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsABadRequest() {
        RawHttp.Answer answer = upload(part("кадр.png", Samples.png(16, 16), false));

        assertRussianProblem(answer, 400);
        assertThat(takes()).isZero();
    }

    @Test
    void aLongCyrillicFileNameIsUploaded() {
        String name = "я".repeat(215) + ".png";

        RawHttp.Answer answer = upload(part(name, Samples.png(16, 16), true));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get(0).path("fileName").asString()).isEqualTo(name);
    }

    @Test
    void partHeadersBeyondTheLimitAnswer413ProblemJson() {
        RawHttp.Answer answer = upload(part("я".repeat(5000) + ".png", Samples.png(16, 16), true));

        assertRussianProblem(answer, 413);
        assertThat(takes()).isZero();
    }

    @Test
    void anEncodedSlashOrNulInTheAddressIsABadRequestInRussian() {
        assertRussianProblem(http.send("GET", "/api/v1/projects/a%2Fb", (byte[]) null), 400);
        assertRussianProblem(http.send("GET", "/api/v1/projects/a%00b", (byte[]) null), 400);
        assertRussianPage(http.send("GET", "/projects/a%2Fb", (byte[]) null, "Accept", "text/html"), 400);
        assertRussianPage(http.send("GET", "/projects/a%00b", (byte[]) null, "Accept", "text/html"), 400);
    }

    @Test
    void anOversizeAddressOrHeaderIsRefusedInRussian() {
        String longQuery = "?q=" + "a".repeat(20_000);
        String hugeHeader = "b".repeat(60_000);

        RawHttp.Answer apiAddress = http.send("GET", "/api/v1/projects" + longQuery, (byte[]) null);
        RawHttp.Answer pageAddress = http.send("GET", "/projects" + longQuery, (byte[]) null, "Accept", "text/html");
        RawHttp.Answer apiHeader = http.send("GET", "/api/v1/projects", (byte[]) null, "X-Big", hugeHeader);
        RawHttp.Answer pageHeader =
                http.send("GET", "/projects", (byte[]) null, "X-Big", hugeHeader, "Accept", "text/html");

        assertRussianProblem(apiAddress, 414);
        assertThat(apiHeader.status()).as(apiHeader.toString()).isBetween(400, 499);
        assertThat(apiHeader.isRussianProblem()).as(apiHeader.toString()).isTrue();
        assertRussianPage(pageAddress, 414);
        assertRussianPage(pageHeader, pageHeader.status());
        assertThat(pageHeader.status()).isBetween(400, 499);
    }
}
