package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The client opens a video shot large: while its full-quality file is being made the view says so over the picture,
 * and as soon as it is there the view plays it, with its sound, without a reload.
 */
@KadrTest
@Tag("browser")
class FullQualityInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLargeViewSaysPreparingThenPlaysTheRenditionWithSound() {
        Studio.Person owner = studio.newPerson();
        Studio.SharedVideo shared = studio.sharedVideo(owner, "Ролик для пекарни", "Хлеб из печи", "хлеб.mp4", 2);
        String shot = shared.shot();
        String clip = shared.clip();
        String link = shared.link();
        UUID asset = UUID.fromString(clip);
        String key = Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .until(
                        () -> jdbc.sql("select file_key from share_renditions where asset_id = ? and status = 'ready'")
                                .param(asset)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        java.util.Objects::nonNull);
        // Back to «being made», as it is for the first seconds after a publish: the page must not show a player yet.
        jdbc.sql("update share_renditions set status = 'preparing', file_key = null where asset_id = ?")
                .param(asset)
                .update();

        Page client = browser.newPage(studio.baseUrl());
        client.setViewportSize(1440, 900);
        client.navigate(link);
        Locator frame = client.locator(".client-shot .frame");
        assertThat(client.locator(".client-shot .duration")).hasText(java.util.regex.Pattern.compile("^2(,\\d)? с$"));
        frame.click();
        Locator waiting = client.locator("#viewer .stage .review-wait");
        assertThat(waiting).isVisible();
        assertThat(waiting).containsText("Видео в полном качестве готовится");
        assertThat(client.locator("#viewer .stage video")).hasCount(0);
        Browser.screenshot(client, "client-review-preparing-desktop");
        client.setViewportSize(390, 844);
        Browser.screenshot(client, "client-review-preparing-phone");

        jdbc.sql("update share_renditions set status = 'ready', file_key = ? where asset_id = ?")
                .params(key, asset)
                .update();
        Locator video = client.locator("#viewer .stage video");
        assertThat(video).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(video).hasAttribute("src", java.util.regex.Pattern.compile("/media/[^/]+/review$"));
        client.waitForFunction("() => { const v = document.querySelector('#viewer .stage video');"
                + " return v && !v.muted && !v.paused && v.currentTime > 0.3"
                + " && v.webkitAudioDecodedByteCount > 0; }");
        assertThat((Boolean) client.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        client.setViewportSize(1440, 900);
        Browser.screenshot(client, "client-review-playing-desktop");
    }
}
