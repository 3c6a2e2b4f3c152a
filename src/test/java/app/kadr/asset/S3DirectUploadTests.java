package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.S3Server;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Direct uploads into a bucket of a real S3 server (s3proxy): the browser sends the bytes with a presigned PUT. */
@KadrTest
class S3DirectUploadTests extends DirectUploadContract {

    static final String BUCKET = S3Server.newBucket();

    @DynamicPropertySource
    static void onTheBucket(DynamicPropertyRegistry registry) {
        S3Server.get().studioSettings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
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
}
