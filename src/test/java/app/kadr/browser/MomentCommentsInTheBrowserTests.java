package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A client pauses a video at 00:00:02, draws a rectangle over the frame and comments; the owner opens the comment
 * in the box and sees the same rectangle over the same frame.
 */
@KadrTest
@Tag("browser")
class MomentCommentsInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void theClientDrawsARectangleOnAPausedFrameAndTheOwnerSeesItOverTheSameFrame() {
        Studio.Person owner = studio.newPerson();
        Studio.SharedVideo shared = studio.sharedVideo(owner, "Ролик для кофейни", "Пар над чашкой", "пар.mp4", 4);
        String shot = shared.shot();
        String clip = shared.clip();
        String link = shared.link();

        Page client = browser.newPage(studio.baseUrl());
        client.navigate(link);
        client.locator(".client-shot .frame").first().click();
        Locator video = client.locator("#viewer .stage video");
        assertThat(video).isVisible();
        // The client stops the film at two seconds, as with the player's controls.
        video.evaluate("v => { v.pause(); v.currentTime = 2; }");
        client.waitForFunction("() => { const v = document.querySelector('#viewer video');"
                + " return v.paused && !v.seeking && v.currentTime === 2 && v.readyState >= 2; }");
        assertThat(client.locator("#viewer .moment-time")).hasText("00:00:02:00");

        client.locator("#viewer [data-tool=rect]").click();
        assertThat(client.locator("#viewer svg.marks")).hasClass(java.util.regex.Pattern.compile("drawing"));
        BoundingBox picture = client.locator("#viewer svg.marks").boundingBox();
        BoundingBox shown = video.boundingBox();
        // The drawing layer lies over the picture itself, inside the player's box.
        assertThat(picture.width).isLessThanOrEqualTo(shown.width + 1);
        assertThat(picture.height).isLessThanOrEqualTo(shown.height + 1);
        client.mouse().move(picture.x + picture.width * 0.25, picture.y + picture.height * 0.25);
        client.mouse().down();
        client.mouse()
                .move(
                        picture.x + picture.width * 0.6,
                        picture.y + picture.height * 0.7,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
        client.mouse().up();
        assertThat(client.locator("#viewer svg.marks rect")).hasCount(1);
        client.locator("#viewer .moment-form input[name=authorName]").fill("Марина");
        client.locator("#viewer .moment-form textarea").fill("Пар гуще вот здесь");
        client.locator("#viewer .moment-form button[type=submit]").click();
        Locator sent = client.locator(".client-shot .talk-list .talk-item");
        assertThat(sent).hasCount(1);
        assertThat(sent.locator(".moment-chip")).containsText("00:00:02:00");
        assertThat(sent.locator(".moment-chip")).containsText("прямоугольник");
        assertThat(video).hasJSProperty("paused", true);
        Browser.screenshot(client, "moment-client-drawn");
        client.setViewportSize(390, 844);
        Browser.screenshot(client, "moment-client-drawn-phone");
        client.locator("#viewer [data-close]").click();
        Browser.screenshot(client, "moment-client-list-phone");

        JsonNode stored = owner.api()
                .get("/api/v1/shots/" + shot + "/comments")
                .json()
                .path("items")
                .get(0);
        assertThat(stored.path("timecode").asString()).isEqualTo("00:00:02:00");
        JsonNode points = stored.path("annotation").path("points");
        assertThat(points.get(0).get(0).asDouble()).isCloseTo(0.25, within(0.02));
        assertThat(points.get(1).get(1).asDouble()).isCloseTo(0.7, within(0.02));

        Page box = browser.signedIn(studio, owner);
        box.navigate("/shots/" + shot);
        Locator chip = box.locator("#shot-comments .comment .moment-chip");
        assertThat(chip).containsText("00:00:02:00");
        chip.click();
        box.waitForFunction("() => { const v = document.querySelector('#shot-moment video');"
                + " return v && v.paused && !v.seeking && v.currentTime === 2 && v.readyState >= 2; }");
        Locator rect = box.locator("#shot-moment svg.marks rect");
        assertThat(rect).hasCount(1);
        assertThat(box.locator("#shot-moment .moment-time")).hasText("00:00:02:00");
        // The same rectangle, in the same place on the frame, whatever size the owner's player has.
        BoundingBox layer = box.locator("#shot-moment svg.marks").boundingBox();
        BoundingBox drawn = rect.boundingBox();
        assertThat((drawn.x - layer.x) / layer.width).isCloseTo(0.25, within(0.03));
        assertThat((drawn.y - layer.y) / layer.height).isCloseTo(0.25, within(0.03));
        assertThat((drawn.x + drawn.width - layer.x) / layer.width).isCloseTo(0.6, within(0.03));
        assertThat((drawn.y + drawn.height - layer.y) / layer.height).isCloseTo(0.7, within(0.03));
        Browser.screenshot(box, "moment-owner-box");
        box.setViewportSize(390, 844);
        box.locator(".box-actions [data-panel-toggle]").click();
        assertThat(box.locator("#shot-moment svg.marks rect")).isVisible();
        Browser.screenshot(box, "moment-owner-box-phone");
    }
}
