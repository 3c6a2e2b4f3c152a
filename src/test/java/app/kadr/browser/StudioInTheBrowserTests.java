package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The studio: the generation bar beside the project's takes and generations, a take as the source of the next. */
@KadrTest
@Tag("browser")
class StudioInTheBrowserTests {

    private static final LocatorAssertions.HasCountOptions SLOW =
            new LocatorAssertions.HasCountOptions().setTimeout(120_000);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aGenerationStartedInTheStudioLandsInTheChosenShotAndItsTakeThenAnimatesAsTheSource() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Студийный");
        studio.newShot(person, project, "Пролог");
        String second = studio.newShot(person, project, "Берег");
        Api.Response described =
                person.api().patch("/api/v1/shots/" + second, Map.of("description", "маяк на скале, шторм"));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);

        Page page = browser.signedIn(studio, person);
        page.navigate("/projects/" + project);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Студия").setExact(true))
                .click();
        page.waitForURL("**/projects/" + project + "/studio");
        Locator bar = page.locator("#generate-panel form[data-gen-form]");
        Locator prompt = bar.locator("textarea[name=prompt]");
        assertThat(page.locator("#studio-takes .empty")).isVisible();

        // The chooser sends the takes to «Берег»; its description becomes the prompt.
        page.locator("[data-studio-shot]").selectOption(second);
        assertThat(prompt).hasValue("маяк на скале, шторм");
        Browser.pickModel(page, bar, "#model-picker", "Черновик (без ИИ)");
        assertThat(bar.locator("[data-params] select[data-param=size]")).isVisible();
        bar.locator("button[type=submit]").click();

        Locator generations = page.locator("#generations .gen");
        assertThat(page.locator("#generations .gen-done")).hasCount(1, SLOW);
        assertThat(generations.first().locator(".gen-shot")).hasText("№ 2");
        Locator takes = page.locator("#studio-takes .studio-take[data-status=ready]");
        assertThat(takes).hasCount(1, SLOW);
        assertThat(person.api()
                        .get("/api/v1/shots/" + second + "/assets")
                        .json()
                        .path("items"))
                .hasSize(1);
        Browser.screenshot(page, "studio-desktop");

        // A click on the image makes it the source; an image-to-video model then animates it.
        takes.first().locator("[data-use-source]").click();
        Locator source = bar.locator("[data-sources]");
        assertThat(source).isVisible();
        assertThat(source.locator("[data-source-chip] img")).isVisible();
        assertThat(takes.first()).hasClass(java.util.regex.Pattern.compile("\\bis-source\\b"));
        Browser.pickModel(page, bar, "#model-picker", "Панорама");
        assertThat(bar.locator("[data-params]")).containsText("Длительность");
        bar.locator("button[type=submit]").click();

        assertThat(page.locator("#generations .gen-done")).hasCount(2, SLOW);
        assertThat(page.locator("#studio-takes .studio-take[data-kind=video][data-status=ready]"))
                .hasCount(1, SLOW);
        Browser.screenshot(page, "studio-animated");

        page.setViewportSize(390, 844);
        assertThat(prompt).isVisible();
        assertThat((Boolean) page.evaluate(PhoneWidthsInTheBrowserTests.NO_SIDEWAYS_SCROLL))
                .as("no sideways scrolling at 390 px")
                .isTrue();
        Browser.screenshot(page, "studio-phone");
    }
}
