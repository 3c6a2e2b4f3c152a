package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A LoRA in the browser: the admin's catalog lists it, the element dialog picks it with a weight (a quiet select and
 * a number), and the generation bar says quietly when the chosen model would send an @mention's text alone.
 */
@KadrTest
@Tag("browser")
class ElementLoraInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void anElementTakesALoraInItsDialogAndTheBarSaysWhenOnlyTheTextWouldGo() {
        Studio.Person admin = studio.newAdmin();
        String name = "Аня " + UUID.randomUUID().toString().substring(0, 4);
        Api.Response lora = admin.api()
                .post(
                        "/api/v1/loras",
                        Map.of(
                                "provider",
                                "fal",
                                "externalId",
                                "https://loras.example.org/" + UUID.randomUUID() + ".safetensors",
                                "name",
                                name,
                                "triggerWord",
                                "anyaxyz",
                                "defaultWeight",
                                0.8));
        assertThat(lora.status()).as(lora.toString()).isEqualTo(201);
        String project = studio.newProject(admin, "LoRA");
        String shot = studio.newShot(admin, project, "Берег");
        Page page = browser.signedIn(studio, admin);

        page.navigate("/admin/catalog#loras");
        assertThat(page.locator(".loras-table")).containsText(name);
        Browser.screenshot(page, "catalog-loras-1440");

        page.navigate("/projects/" + project + "/elements");
        page.locator("#new-element").click();
        Locator dialog = page.locator("#element-dialog");
        dialog.getByLabel("Имя для @упоминания").fill("Аня");
        dialog.locator("select[name=loraModelId]").selectOption(new SelectOption().setLabel(name + " · fal.ai"));
        dialog.locator("input[name=loraWeight]").fill("0.9");
        Browser.screenshot(page, "element-lora-1440");
        dialog.getByText("Сохранить").click();
        assertThat(dialog).isHidden();
        var anya = admin.api()
                .get("/api/v1/projects/" + project + "/elements")
                .json()
                .path("items")
                .get(0);
        assertThat(anya.path("loraName").asString()).isEqualTo(name);
        assertThat(anya.path("loraWeight").decimalValue()).isEqualByComparingTo("0.9");

        // fal's FLUX.1 [schnell] takes no references; it can be chosen once fal has a key (taken away again below).
        String fal = provider(admin, "fal");
        assertThat(admin.api()
                        .patch("/api/v1/providers/" + fal, Map.of("apiKey", "fal-test-key"))
                        .status())
                .isEqualTo(200);
        try {
            page.navigate("/shots/" + shot);
            Locator bar = page.locator("#generate-form");
            Browser.pickModel(page, bar, "#model-picker", "FLUX.1 [schnell]");
            Locator hint = bar.locator("[data-refs-warning]");
            assertThat(hint).isHidden();
            bar.locator("textarea[name=prompt]").fill("@Аня на берегу");
            bar.locator("textarea[name=prompt]").dispatchEvent("input");
            assertThat(hint).isVisible();
            assertThat(hint).hasText("Эта модель не принимает референсы — уйдёт только текст");
            Browser.screenshot(page, "bar-text-only-1440");
            page.setViewportSize(390, 844);
            assertThat(hint).isVisible();
            Browser.screenshot(page, "bar-text-only-390");
        } finally {
            admin.api().patch("/api/v1/providers/" + fal, Map.of("apiKey", ""));
        }
        page.navigate("/projects/" + project + "/elements");
        page.locator(".element-card[data-handle='Аня'] [data-element-open]").click();
        assertThat(page.locator("#element-dialog select[name=loraModelId]")).isVisible();
        Browser.screenshot(page, "element-lora-390");
    }

    private static String provider(Studio.Person admin, String kind) {
        for (var found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals(kind)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No provider " + kind);
    }
}
