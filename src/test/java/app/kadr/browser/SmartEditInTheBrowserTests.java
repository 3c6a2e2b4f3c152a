package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.FakeAgent;
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
import tools.jackson.databind.JsonNode;

/** A director refines a take three times by plain requests in the box, then reads its history. */
@KadrTest
@Tag("browser")
class SmartEditInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void threeSmartEditsFromTheBoxShowTheirDiffLandInTheFeedAndFormALineage() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Мост");
        String shot = studio.newShot(person, project, "Проход по мосту");
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId", studio.localModel(person, "local/draft"),
                                "prompt", "a man on a bridge, 24mm lens, daytime, wide shot",
                                "params", Map.of("seed", 7, "size", "1280x720")));
        String first = newestAsset(person, started.json().path(0));

        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        String second = smartEdit(page, person, shot, first, "сделай камеру 35мм", "24mm", "35mm", 2);
        Browser.screenshot(page, "smart-edit-feed");
        String third = smartEdit(page, person, shot, second, "замени день на вечер", "daytime,", "evening,", 3);
        String fourth = smartEdit(page, person, shot, third, "крупный план", "wide shot", "close-up", 4);

        page.locator("#asset-" + fourth + " .card-menu > summary").click();
        page.locator("#asset-" + fourth)
                .getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("История"))
                .click();
        Locator steps = page.locator("#lineage-dialog .lineage-step");
        assertThat(steps).hasCount(4);
        assertThat(steps.locator(".lineage-request")).containsText(new String[] {
            "Первая генерация", "«сделай камеру 35мм»", "«замени день на вечер»", "«крупный план»"
        });
        assertThat(steps.nth(3).locator(".diff .added")).hasText(new String[] {"close-up"});
        assertThat(steps.nth(3).locator(".diff .removed")).hasText(new String[] {"wide", "shot"});
        assertThat(steps.nth(3)).containsText("зерно 7");
        assertThat(steps.nth(3)).hasClass(java.util.regex.Pattern.compile("current"));
        Browser.screenshot(page, "smart-edit-lineage");

        steps.nth(3)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ремикс"))
                .click();
        assertThat(page.locator("#toasts")).containsText("Ремикс запущен");
    }

    @Test
    void enhancingThePromptOffersTheAgentsVariantsAndPutsTheChosenOneInTheForm() {
        FakeAgent agent = new FakeAgent();
        Studio.Person admin = studio.newAdmin();
        try {
            admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", agent.url(), "model", "m", "selfHosted", true));
            agent.answers("{\"variants\":[\"an autumn park in morning fog, golden light\","
                    + "\"a misty autumn park at dawn, wide shot\"]}");
            String project = studio.newProject(admin, "Парк");
            String shot = studio.newShot(admin, project, "Туман");
            Page page = browser.signedIn(studio, admin);
            page.navigate("/shots/" + shot);

            Locator form = page.locator("#generate-form");
            form.locator("[name=prompt]").fill("осенний парк, туман");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Улучшить промпт"))
                    .click();
            Locator variants = form.locator("[data-enhance-variants] button");
            assertThat(variants).hasCount(2);
            Browser.screenshot(page, "enhance-variants");
            variants.nth(1).click();

            assertThat(form.locator("[name=prompt]")).hasValue("a misty autumn park at dawn, wide shot");
            assertThat(form.locator("[data-enhance-variants]")).isHidden();
        } finally {
            admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", ""));
            agent.close();
        }
    }

    /** One smart edit from a card of the feed: the diff shown, then the new take in the feed; answers its id. */
    private String smartEdit(
            Page page,
            Studio.Person person,
            String shot,
            String parent,
            String request,
            String removed,
            String added,
            int takes) {
        page.locator("#asset-" + parent)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Умная правка"))
                .click();
        Locator dialog = page.locator("#smart-edit-dialog");
        assertThat(dialog.locator("[data-original-prompt]")).isVisible();
        dialog.getByLabel("Что изменить").fill(request);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Показать правку"))
                .click();
        assertThat(dialog.locator(".diff del").first()).hasText(removed.split(" ")[0]);
        assertThat(dialog.locator(".diff ins").first()).hasText(added.split(" ")[0]);
        assertThat(dialog.locator("[data-offline-badge]")).isVisible();
        if (takes == 2) {
            Browser.screenshot(page, "smart-edit-diff");
        }
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Запустить"))
                .click();
        assertThat(dialog).isHidden();

        JsonNode generations = person.api()
                .get("/api/v1/shots/" + shot + "/generations")
                .json()
                .path("items");
        assertThat(generations).hasSize(takes);
        String child = newestAsset(person, generations.path(0));
        assertThat(page.locator(".card[data-status=ready]"))
                .hasCount(takes, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(page.locator("#asset-" + child + "[data-status=ready] .card-media img"))
                .isVisible();
        assertThat(page.locator("#asset-" + child + " .card-media"))
                .hasAttribute("title", java.util.regex.Pattern.compile(added.replace(",", "")));
        return child;
    }

    private String newestAsset(Studio.Person person, JsonNode generation) {
        return studio.awaitTake(person, generation.path("id").asString());
    }
}
