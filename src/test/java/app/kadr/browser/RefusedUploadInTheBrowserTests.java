package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A file cut short on its way is refused on the box page with the reason in Russian, and no take appears. */
@KadrTest
@Tag("browser")
class RefusedUploadInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aJpegCutShortIsRefusedWithItsReason() {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Обрыв"), "Закат");
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        page.setInputFiles("#file-input", new FilePayload[] {
            new FilePayload("закат.jpg", "image/jpeg", Arrays.copyOf(Samples.jpeg(1600, 900), 4096))
        });

        assertThat(page.locator("#uploads li.failed .state")).containsText("загружено не полностью");
        assertThat(page.locator(".card")).hasCount(0);
        Browser.screenshot(page, "box-upload-refused");
    }
}
