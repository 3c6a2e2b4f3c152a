package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api.NamedBytes;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A creator makes a Reels version of a take from the box: Kadr proposes the subject it found, she drags the focal
 * point elsewhere, sees the 9:16 cut and the bands Reels covers follow it, and the new take appears in the feed.
 */
@KadrTest
@Tag("browser")
class PlatformVersionsInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aFocalPointDraggedInTheDialogFramesTheReelsVersionThatAppearsInTheFeed() throws IOException {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Соцсети"), "Афиша");
        // The red mark near the right edge is what Kadr finds as the subject.
        String still = studio.upload(
                        person, shot, new NamedBytes("афиша.png", Samples.markedPng(1600, 900, 1440, 400, 100)))
                .getFirst();
        studio.awaitProcessed(person, still);
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        page.locator("#asset-" + still + " .card-menu > summary").click();
        page.locator("#asset-" + still)
                .getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Версии для соцсетей"))
                .click();
        Locator form = page.locator("#platform-dialog [data-platform-form]");
        assertThat(form).isVisible();
        assertThat(Double.parseDouble(form.getAttribute("data-focus-x"))).isGreaterThan(0.8);
        Locator reels = form.locator(".platform-format").first();
        assertThat(reels).containsText("Reels 9:16");
        assertThat(reels.locator("input[name=formats]")).isChecked();
        assertThat(reels.locator(".safe.top")).isVisible();
        assertThat(reels.locator(".safe.bottom")).isVisible();
        String cutAtTheMark = reels.locator("img").getAttribute("style");

        Locator stage = form.locator("[data-focus-stage]");
        BoundingBox point = form.locator("[data-focus-point]").boundingBox();
        BoundingBox area = stage.boundingBox();
        page.mouse().move(point.x + point.width / 2, point.y + point.height / 2);
        page.mouse().down();
        page.mouse()
                .move(
                        area.x + area.width * 0.1,
                        area.y + area.height * 0.3,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();

        assertThat(Double.parseDouble(form.getAttribute("data-focus-x"))).isBetween(0.05, 0.15);
        assertThat(Double.parseDouble(form.getAttribute("data-focus-y"))).isBetween(0.25, 0.35);
        assertThat(reels.locator("img").getAttribute("style")).isNotEqualTo(cutAtTheMark);
        Browser.screenshot(page, "platform-versions-dialog");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Сделать"))
                .click();

        assertThat(page.locator("#platform-dialog")).isHidden();
        Locator cards = page.locator("#feed .card");
        assertThat(cards).hasCount(2);
        Locator version = page.locator("#feed .card:not(#asset-" + still + ")");
        assertThat(version).hasAttribute("data-status", "ready");
        String versionId = version.getAttribute("data-asset-id");
        JsonNode take = studio.awaitProcessed(person, versionId);
        assertThat(take.path("fileName").asString()).isEqualTo("Reels 9:16.jpg");
        assertThat(take.path("width").asInt()).isEqualTo(1080);
        assertThat(take.path("height").asInt()).isEqualTo(1920);
        var picture = ImageIO.read(new ByteArrayInputStream(
                person.api().get(take.path("urls").path("original").asString()).bytes()));
        assertThat(Samples.redShare(picture))
                .as("the cut follows the dragged point, away from the mark")
                .isZero();
        JsonNode requested = person.api()
                .get("/api/v1/assets/" + still + "/platform-versions")
                .json()
                .path(0);
        assertThat(requested.path("focus").path("x").asDouble()).isBetween(0.05, 0.15);
        Browser.screenshot(page, "platform-versions-feed");

        page.setViewportSize(390, 844);
        page.locator("#asset-" + still + " .card-menu > summary").click();
        page.locator("#asset-" + still)
                .getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Версии для соцсетей"))
                .click();
        assertThat(form).isVisible();
        Browser.screenshot(page, "platform-versions-dialog-390");
        assertThat((Boolean) page.evaluate(
                        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isTrue();
    }
}
