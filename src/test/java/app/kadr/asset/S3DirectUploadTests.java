package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.S3Server;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Direct uploads into a bucket of a real S3 server (s3proxy): the browser sends the bytes with a presigned PUT. */
@KadrTest
class S3DirectUploadTests extends DirectUploadContract {

    static final String BUCKET = S3Server.newBucket();
    private static final long GB = 1024L * 1024 * 1024;

    @DynamicPropertySource
    static void onTheBucket(DynamicPropertyRegistry registry) {
        S3Server.get().studioSettings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
        // Above S3's 5 GB for one PUT, so that limit is the one met.
        registry.add("kadr.upload.max-video-bytes", () -> 8 * GB);
    }

    @Test
    void theAddressIsASignedPutIntoTheBucket() {
        JsonNode ticket = start("кадр.png", 10, "image/png");

        assertThat(ticket.path("url").asString())
                .startsWith(S3Server.get().endpoint() + "/" + BUCKET + "/")
                .contains("X-Amz-Signature=");
        assertThat(ticket.path("method").asString()).isEqualTo("PUT");
        assertThat(ticket.path("headers").path("content-type").asString()).isEqualTo("image/png");
    }

    @Test
    void aFileOverS3sFiveGigabytesForOnePutIsRefusedInRussianBeforeAnyByteIsSent() {
        Api.Response tooLarge = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", "фильм.mp4", "size", 5 * GB + 1, "contentType", "video/mp4"));

        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(400);
        assertThat(tooLarge.string("detail")).contains("не больше 5 ГБ");
        assertThat(jdbc.sql("select count(*) from direct_uploads where shot_id = ?")
                        .param(java.util.UUID.fromString(shot))
                        .query(Integer.class)
                        .single())
                .as("uploads opened")
                .isZero();
        assertThat(start("фильм.mp4", 5 * GB, "video/mp4").path("method").asString())
                .as("exactly 5 GB still goes in one PUT")
                .isEqualTo("PUT");
    }
}
