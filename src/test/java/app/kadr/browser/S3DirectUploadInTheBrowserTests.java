package app.kadr.browser;

import app.kadr.support.KadrTest;
import app.kadr.support.S3Server;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The box page's direct upload into a bucket of a real S3 server (s3proxy): a cross-origin presigned PUT. */
@KadrTest
@Tag("browser")
@TestPropertySource(properties = "kadr.direct-uploads.threshold=" + DirectUploadJourney.THRESHOLD)
class S3DirectUploadInTheBrowserTests extends DirectUploadJourney {

    static final String BUCKET = S3Server.newBucket();

    @DynamicPropertySource
    static void onTheBucket(DynamicPropertyRegistry registry) {
        S3Server.get().studioSettings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Override
    String bytesGoTo() {
        return S3Server.get().endpoint() + "/" + BUCKET + "/";
    }
}
