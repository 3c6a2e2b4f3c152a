package app.kadr.browser;

import app.kadr.support.KadrTest;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;

/** The box page's direct upload on the local disk: the bytes go to Kadr's own upload address. */
@KadrTest
@Tag("browser")
@TestPropertySource(properties = "kadr.direct-uploads.threshold=" + DirectUploadJourney.THRESHOLD)
class DirectUploadInTheBrowserTests extends DirectUploadJourney {

    @Override
    String bytesGoTo() {
        return studio.baseUrl() + "/api/v1/uploads/";
    }
}
