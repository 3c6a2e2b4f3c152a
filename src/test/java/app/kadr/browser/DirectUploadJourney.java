package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * A big video dropped on the box page goes straight to the store: the page asks for an upload address, sends the
 * bytes there with a progress bar, confirms, and the take lands ready. The studios of the subclasses set the
 * threshold ({@code kadr.direct-uploads.threshold}) low, so a small real video counts as big.
 */
abstract class DirectUploadJourney {

    static final String THRESHOLD = "64KB";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    /** Where the browser must send the bytes: the bucket's address, or Kadr's own. */
    abstract String bytesGoTo();

    @Test
    void aVideoOverTheThresholdDroppedOnTheBoxGoesStraightToTheStoreWithAProgressBar() {
        byte[] video = Samples.video("mp4", 6);
        assertThat((long) video.length)
                .as("the sample is over the threshold")
                .isGreaterThan(DataSize.parse(THRESHOLD).toBytes());
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Большие файлы"), "Прибой");
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onRequest(request -> sent.add(request.method() + " " + request.url()));
        List<String> troubles = new CopyOnWriteArrayList<>();
        page.onRequestFailed(request -> troubles.add(request.method() + " " + request.url() + " " + request.failure()));
        page.onConsoleMessage(message -> troubles.add(message.type() + ": " + message.text()));
        recordProgress(page);

        drop(page, "прибой.mp4", "video/mp4", video);

        Locator row = page.locator("#uploads li").first();
        assertThat(row)
                .hasClass(
                        Pattern.compile("\\b(done|failed)\\b"),
                        new LocatorAssertions.HasClassOptions().setTimeout(60_000));
        assertThat(row.getAttribute("class"))
                .as("the upload row «%s»; the page's troubles: %s", row.textContent(), troubles)
                .contains("done");
        assertThat(row.locator("progress")).isVisible();
        assertThat(row.locator("progress").evaluate("bar => bar.value")).isEqualTo(100);
        assertThat((List<?>) page.evaluate("window.progressShown"))
                .as("values the progress bar showed")
                .anySatisfy(value -> assertThat(((Number) value).intValue()).isBetween(1, 99));
        assertThat(page.locator(".card[data-status=ready][data-kind=video]"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        Browser.screenshot(page, "box-direct-upload-" + getClass().getSimpleName());
        assertThat(sent)
                .as("requests of the page")
                .anySatisfy(request ->
                        assertThat(request).startsWith("POST ").endsWith("/api/v1/shots/" + shot + "/uploads"))
                .anySatisfy(request -> assertThat(request).startsWith("PUT " + bytesGoTo()))
                .noneSatisfy(request -> assertThat(request).endsWith("/api/v1/shots/" + shot + "/assets"));
        assertThat(person.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .as("takes of the shot")
                .hasSize(1);
    }

    /** Keeps every value a progress bar of the page is set to, in {@code window.progressShown}. */
    private static void recordProgress(Page page) {
        page.evaluate("""
                () => {
                  window.progressShown = [];
                  const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');
                  Object.defineProperty(HTMLProgressElement.prototype, 'value', {
                    get() { return value.get.call(this); },
                    set(v) { window.progressShown.push(v); value.set.call(this, v); },
                  });
                }""");
    }

    /** Drops a file on the page as a person drags it from their desktop. */
    private static void drop(Page page, String name, String type, byte[] bytes) {
        JSHandle files =
                page.evaluateHandle("""
                ([name, type, base64]) => {
                  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], name, { type }));
                  return transfer;
                }""", List.of(name, type, Base64.getEncoder().encodeToString(bytes)));
        page.dispatchEvent("main.box-page", "drop", Map.of("dataTransfer", files));
    }
}
