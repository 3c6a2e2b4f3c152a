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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The element library page and @mentions in the box's generation bar, in a real browser. */
@KadrTest
@Tag("browser")
class ElementsInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aCharacterIsMadeInTheDialogWithAReferenceTakeAndShownAsACardAtDesktopAndPhoneWidth() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Маяк");
        String shot = studio.newShot(person, project, "Берег");
        String take = studio.upload(person, shot, new Api.NamedBytes("anya.jpg", Samples.jpeg(640, 360)))
                .getFirst();
        studio.awaitProcessed(person, take);
        Page page = browser.signedIn(studio, person);
        page.navigate("/projects/" + project);
        page.getByText("Элементы").first().click();
        page.waitForURL("**/projects/" + project + "/elements");

        page.locator("#new-element").click();
        Locator dialog = page.locator("#element-dialog");
        assertThat(dialog).isVisible();
        dialog.getByLabel("Имя для @упоминания").fill("Аня Петрова");
        dialog.getByLabel("Описание для промпта").fill("девушка 20 лет, рыжие волосы");
        dialog.locator(".element-ref input[value='" + take + "']").check();
        dialog.getByText("Сохранить").click();
        assertThat(dialog.locator(".alert")).containsText("без пробелов");
        assertThat(dialog.locator(".element-ref input[value='" + take + "']")).isChecked();
        dialog.getByLabel("Имя для @упоминания").fill("Аня");
        dialog.getByText("Сохранить").click();

        assertThat(dialog).isHidden();
        Locator card = page.locator(".element-card[data-handle='Аня']");
        assertThat(card.locator(".element-handle")).hasText("@Аня");
        assertThat(card.locator(".element-refs img")).hasCount(1);
        assertThat(card.locator(".element-version")).hasText("в. 1");
        Browser.screenshot(page, "elements-desktop");

        card.locator("[data-element-open]").click();
        dialog.getByLabel("Описание для промпта").fill("девушка 20 лет, короткая стрижка");
        dialog.getByText("Сохранить").click();
        assertThat(card.locator(".element-version")).hasText("в. 2");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(card).isVisible();
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        Browser.screenshot(page, "elements-phone");
    }

    @Test
    void typingAnAtInTheGenerationBarOffersTheElementsAndThePickedOneReachesTheEngineExpanded() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Маяк");
        String shot = studio.newShot(person, project, "Проход");
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "девушка 20 лет, рыжие волосы"));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);
        person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "location", "handle", "Маяк", "description", "старый маяк"));
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);
        Locator bar = page.locator("#generate-form");
        bar.locator("[data-model-open]").click();
        Locator picker = page.locator("#model-picker");
        picker.getByLabel("Найти модель").fill("черновик");
        picker.locator(".picker-model:visible [data-pick]").first().click();

        Locator prompt = bar.locator("textarea[name=prompt]");
        prompt.fill("");
        prompt.pressSequentially("Ночью @а");
        Locator options = page.locator(".mention-list [role=option]");
        assertThat(options).hasCount(1);
        assertThat(options.first()).containsText("@Аня");
        assertThat(options.first()).containsText("Персонаж");
        Browser.screenshot(page, "mentions-autocomplete");
        prompt.press("Enter");
        assertThat(page.locator(".mention-list")).hasCount(0);
        prompt.pressSequentially("у @");
        assertThat(options).hasCount(2);
        options.filter(new Locator.FilterOptions().setHasText("@Маяк")).click();
        assertThat(prompt).hasValue("Ночью @Аня у @Маяк ");
        bar.locator("button[type=submit]").click();

        JsonNode generation = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> person.api()
                                .get("/api/v1/shots/" + shot + "/generations")
                                .json(),
                        list -> !list.path("items").isEmpty() || (list.isArray() && !list.isEmpty()));
        JsonNode first = generation.isArray()
                ? generation.get(0)
                : generation.path("items").get(0);
        assertThat(first.path("prompt").asString())
                .isEqualTo("Ночью Аня (девушка 20 лет, рыжие волосы) у Маяк (старый маяк)");
        assertThat(first.path("elements")).hasSize(2);
        assertThat(List.of(first.path("elements").get(0).path("handle").asString()))
                .containsAnyOf("Аня", "Маяк");
    }
}
