package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The owner offers two takes of a shot from the box; the client, on a published version, picks one with a reason
 * and asks for changes on another shot; the owner sees both and makes the favourite the headliner in one click.
 */
@KadrTest
@Tag("browser")
class ReviewInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void theClientPicksACandidateAndTheOwnerMakesItTheHeadliner() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Ролик для сыроварни");
        String cheese = studio.newShot(owner, project, "Сыр");
        String milk = studio.newShot(owner, project, "Молоко");
        String first = take(owner, cheese, "сыр-1.jpg", 1280, 720);
        String second = take(owner, cheese, "сыр-2.jpg", 1280, 720);
        String third = take(owner, cheese, "сыр-3.jpg", 1280, 720);
        owner.api().patch("/api/v1/shots/" + cheese, Map.of("headlinerAssetId", first));
        owner.api()
                .patch("/api/v1/shots/" + milk, Map.of("headlinerAssetId", take(owner, milk, "молоко.jpg", 1280, 720)));

        Page studioPage = browser.signedIn(studio, owner);
        studioPage.navigate("/shots/" + cheese);
        assertThat(studioPage.locator("#shot-review")).isAttached();
        for (String asset : new String[] {second, third}) {
            Locator card = studioPage.locator("#asset-" + asset);
            card.locator(".card-menu summary").click();
            card.locator("[data-propose]").click();
        }
        Locator offered = studioPage.locator("#shot-review .offered-take");
        assertThat(offered).hasCount(2);
        assertThat(studioPage.locator("#asset-" + third + " .candidate-mark")).hasText("Вариант B");
        Browser.screenshot(studioPage, "review-box-candidates");

        String link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json()
                .path("url")
                .asString();
        // The owner watches the storyboard while the client answers: the boxes change without a reload.
        studioPage.navigate("/projects/" + project);
        studioPage.evaluate("() => { window.notReloaded = true; }");
        Page client = browser.newPage(studio.baseUrl());
        client.navigate(link);
        Locator shots = client.locator(".client-shot");
        Locator candidates = shots.nth(0).locator(".candidate");
        assertThat(candidates).hasCount(2);
        client.waitForFunction("() => [...document.querySelectorAll('.candidate img')]"
                + ".every(i => i.complete && i.naturalWidth > 0)");
        candidates.nth(1).getByText("Вариант B").click();
        shots.nth(0).getByLabel("Почему (необязательно)").fill("Корочка золотистее");
        shots.nth(0)
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Выбрать").setExact(true))
                .click();
        assertThat(candidates.nth(1)).hasClass(Pattern.compile("picked"));
        assertThat(shots.nth(0).locator(".pick-send button")).hasText("Выбор отправлен");

        Locator approval = shots.nth(1).locator(".approval");
        approval.getByText("Нужны правки").click();
        approval.getByLabel("Что поправить").fill("Молоко белее");
        approval.getByText("Отправить правки").click();
        assertThat(approval.locator(".changes")).hasAttribute("aria-pressed", "true");
        assertThat(approval.locator(".approval-comment")).hasText("Молоко белее");
        shots.nth(0).locator(".approval").getByText("Утверждено").click();
        assertThat(shots.nth(0).locator(".approve")).hasAttribute("aria-pressed", "true");
        Browser.screenshot(client, "review-client-desktop");
        client.setViewportSize(390, 844);
        assertThat((Boolean) client.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        Browser.screenshot(client, "review-client-phone");
        client.reload();
        assertThat(client.locator(".client-shot").nth(0).locator(".candidate.picked"))
                .hasCount(1);
        assertThat(client.locator(".client-shot").nth(0).getByLabel("Почему (необязательно)"))
                .hasValue("Корочка золотистее");

        assertThat(studioPage.locator("#box-" + cheese + " .box-approval")).hasText("✓");
        assertThat(studioPage.locator("#box-" + milk + " .box-status")).hasText("В работе");
        org.assertj.core.api.Assertions.assertThat(studioPage.evaluate("() => window.notReloaded"))
                .as("live, not by reloading the page")
                .isEqualTo(true);
        studioPage.locator("[data-approval-filter=changes]").click();
        assertThat(studioPage.locator("#box-" + cheese)).isHidden();
        assertThat(studioPage.locator("#box-" + milk)).isVisible();
        studioPage.locator("#sharing > summary").click();
        Locator answers = studioPage.locator(".share-answers");
        assertThat(answers.locator(".answer-counts")).hasText("1 утверждено · 1 на доработку · 0 без ответа");
        assertThat(answers.locator(".share-picks li")).containsText("выбран вариант B");
        assertThat(answers.locator(".share-picks li")).containsText("«Корочка золотистее»");
        Browser.screenshot(studioPage, "review-storyboard-panel");

        studioPage.navigate("/shots/" + cheese);
        Locator version = studioPage.locator("#shot-review .review-version");
        assertThat(version).containsText("выбран вариант B");
        assertThat(studioPage.locator("#asset-" + first)).hasClass(Pattern.compile("is-headliner"));
        version.getByText("Сделать хедлайнером").click();
        assertThat(version.locator(".badge")).hasText("хедлайнер");
        assertThat(studioPage.locator("#asset-" + third)).hasClass(Pattern.compile("is-headliner"));
        assertThat(studioPage.locator("#asset-" + first)).not().hasClass(Pattern.compile("is-headliner"));
        assertThat(owner.api()
                        .get("/api/v1/shots/" + cheese)
                        .json()
                        .path("headliner")
                        .path("id")
                        .asString())
                .isEqualTo(third);
        Browser.screenshot(studioPage, "review-box-headliner");
        studioPage.setViewportSize(390, 844);
        Browser.screenshot(studioPage, "review-box-phone");
    }

    private String take(Studio.Person owner, String shot, String name, int width, int height) {
        String asset = studio.upload(owner, shot, new Api.NamedBytes(name, Samples.jpeg(width, height)))
                .getFirst();
        studio.awaitProcessed(owner, asset);
        return asset;
    }
}
