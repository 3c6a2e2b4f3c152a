package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A director pastes a screenplay, fixes the proposed shots in the table, drops one and confirms the rest. */
@KadrTest
@Tag("browser")
class ScriptInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aPastedScreenplayBecomesAnEditableTableAndOnlyTheConfirmedRowsBecomeShots() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Маяк");
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "рыжая, зелёный плащ"));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);

        Page page = browser.signedIn(studio, person);
        page.navigate("/projects/" + project);
        page.locator("#project-more > summary").click();
        page.locator("#script-link").click();
        page.getByLabel("Fountain").check();
        page.locator("#script-text").fill("""
                        ИНТ. МАЯК — НОЧЬ

                        Аня поднимается по винтовой лестнице. Ветер бьёт в стёкла.

                        КРУПНЫЙ ПЛАН: руки на перилах.

                        АНЯ
                        Кто здесь?

                        НАТ. ПРИЧАЛ — УТРО

                        Лодка качается у причала, туман.

                        КАПИТАН
                        Отчаливаем.

                        НАТ. МОРЕ — ДЕНЬ

                        Лодка уходит в туман.

                        КАПИТАН
                        Держись!
                        """);
        page.getByText("Предложить шоты").click();

        Locator rows = page.locator(".script-row");
        assertThat(rows).hasCount(3);
        assertThat(page.locator("#script-count")).hasText("Шотов: 3");
        assertThat(rows.nth(0).locator("input[name=title]")).hasValue("ИНТ. МАЯК — НОЧЬ");
        assertThat(rows.nth(0).locator("input[name=camera]")).hasValue("КРУПНЫЙ ПЛАН: руки на перилах.");
        assertThat(rows.nth(0).locator("input[name=elements]")).hasValue("@Аня");
        assertThat(page.locator(".script-new-elements")).containsText("@Капитан");
        assertThat(page.locator("#grid")).hasCount(0);
        Browser.screenshot(page, "script-desktop");

        page.setViewportSize(390, 844);
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        Browser.screenshot(page, "script-phone");
        page.setViewportSize(1440, 900);

        rows.nth(1).locator("input[name=title]").fill("Причал на рассвете");
        rows.nth(1).locator("input[name=duration]").fill("4,5");
        rows.nth(2).locator("[data-script-remove]").click();
        assertThat(rows).hasCount(2);
        assertThat(page.locator("#script-count")).hasText("Шотов: 2");
        page.locator("#script-confirm").click();

        page.waitForURL("**/projects/" + project);
        assertThat(page.locator(".box-title")).hasText(new String[] {"ИНТ. МАЯК — НОЧЬ", "Причал на рассвете"});
        JsonNode shots =
                person.api().get("/api/v1/projects/" + project + "/shots").json();
        assertThat(shots.path("items").get(1).path("durationMs").asLong()).isEqualTo(4500);
        String second = shots.path("items").get(1).path("id").asString();
        JsonNode cast =
                person.api().get("/api/v1/shots/" + second + "/elements").json();
        assertThat(cast.path("items").get(0).path("handle").asString()).isEqualTo("Капитан");
    }
}
