package app.kadr.generation;

import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The picture edits in the box, in Chromium: a mask painted with the mouse reaches fal's inpainting as
 * {@code mask_url}, white where it was painted; a frame is extended to 9:16 by the offline engine with the picture
 * placed at the bottom.
 */
@GenerationJobTest
@Tag("browser")
class EditsInTheBrowserTests {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    private Studio.Person person;
    private String shot;
    private String image;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void aWidePictureInABox() {
        fal.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fal, 8);
        shot = studio.newShot(person, studio.newProject(person, "Правки"), "Пирс");
        image = studio.upload(person, shot, new Api.NamedBytes("пирс.png", Samples.png(640, 360)))
                .getFirst();
        studio.awaitProcessed(person, image);
    }

    @Test
    void aMaskPaintedWithTheMouseReachesFalAsMaskUrlWhiteWhereItWasPainted() throws IOException {
        fal.stubFor(post("/fal-ai/flux-lora/inpainting").willReturn(json(200, FalEditsTests.QUEUED)));
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        // I on the take under the pointer opens the editor, as «Дорисовать» in its menu does.
        page.locator(".card .card-media").first().hover();
        page.keyboard().press("i");
        Locator dialog = page.locator("#edit-dialog");
        assertThat(dialog.locator(".inpaint-form canvas")).isVisible();
        Browser.pickModel(page, dialog.locator(".inpaint-form"), "#edit-picker", "перерисовка по маске");
        assertThat(dialog.locator("[data-param=strength]")).isVisible();

        // Paint a stroke over the right part of the picture, erase nothing, then a second stroke that is undone.
        Locator canvas = dialog.locator("[data-mask-canvas]");
        BoundingBox box = canvas.boundingBox();
        page.mouse().move(box.x + box.width * 0.75, box.y + box.height * 0.3);
        page.mouse().down();
        page.mouse()
                .move(
                        box.x + box.width * 0.85,
                        box.y + box.height * 0.7,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        page.mouse().move(box.x + box.width * 0.1, box.y + box.height * 0.5);
        page.mouse().down();
        page.mouse()
                .move(
                        box.x + box.width * 0.2,
                        box.y + box.height * 0.5,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
        page.keyboard().press("Control+z");
        dialog.locator("textarea[name=prompt]").fill("чайка на перилах");
        Browser.screenshot(page, "edits-inpaint-desktop");
        dialog.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Перерисовать"))
                .click();
        assertThat(dialog).not().isVisible();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !fal.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora/inpainting")))
                        .isEmpty());
        JsonNode sent = JsonMapper.shared()
                .readTree(fal.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora/inpainting")))
                        .getFirst()
                        .getBodyAsString());
        assertThat(sent.path("prompt").asString()).isEqualTo("чайка на перилах");
        BufferedImage mask = FalEditsTests.dataUri(sent.path("mask_url").asString());
        assertThat(mask.getWidth()).isEqualTo(640);
        assertThat(mask.getHeight()).isEqualTo(360);
        assertThat(mask.getRGB(512, 180) & 0xffffff).as("on the stroke").isEqualTo(0xffffff);
        assertThat(mask.getRGB(96, 180) & 0xffffff).as("the undone stroke").isZero();
        assertThat(mask.getRGB(320, 40) & 0xffffff).as("never painted").isZero();
        assertThat(page.locator(".card")).hasCount(1);
    }

    @Test
    void aFrameIsExtendedTo916WithThePictureAtTheBottom() {
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);
        page.locator(".card .card-menu summary").first().click();
        page.locator(".card [data-outpaint]").first().click();
        Locator dialog = page.locator("#edit-dialog");
        Browser.pickModel(page, dialog.locator(".outpaint-form"), "#edit-picker", "Расширение кадра зеркалом");
        dialog.locator("[data-ratio='9:16']").click();
        dialog.locator("[data-place='0.5,1']").click();
        BoundingBox frame = dialog.locator("[data-outpaint-frame]").boundingBox();
        assertThat(frame.height / frame.width)
                .as("the preview is 9:16")
                .isCloseTo(16 / 9.0, org.assertj.core.data.Offset.offset(0.05));
        Browser.screenshot(page, "edits-outpaint-desktop");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "edits-outpaint-phone");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at 390 px")
                .isTrue();
        page.setViewportSize(1440, 900);
        dialog.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Расширить"))
                .click();
        assertThat(dialog).not().isVisible();

        JsonNode take = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> person.api()
                                .get("/api/v1/shots/" + shot + "/assets")
                                .json()
                                .path("items")
                                .get(0),
                        newest -> newest != null
                                && !newest.path("id").asString().equals(image)
                                && "ready".equals(newest.path("mediaStatus").asString()));
        assertThat(take.path("width").asInt()).isEqualTo(640);
        assertThat(take.path("height").asInt()).isEqualTo(1138);
        assertThat(take.path("generation").path("sourceAssetIds").get(0).asString())
                .isEqualTo(image);
        assertThat(take.path("generation")
                        .path("params")
                        .path("imageLocation")
                        .get(1)
                        .asInt())
                .as("the picture sits at the bottom")
                .isEqualTo(1138 - 360);
        assertThat(page.locator(".card")).hasCount(2);
    }
}
