package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin adds a model in the catalog pages, and a box's picker offers it at once. */
@KadrTest
@Tag("browser")
class CatalogInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void anAdminAddsAModelAndItIsInTheBoxPicker() {
        Studio.Person admin = studio.newAdmin();
        String shot = studio.newShot(admin, studio.newProject(admin, "Каталог в браузере"), "Шот");
        String name = "Набросок из браузера " + UUID.randomUUID().toString().substring(0, 4);
        Page page = browser.signedIn(studio, admin);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Каталог моделей"))
                .click();
        page.waitForURL("**/admin/catalog");
        assertThat(page.locator("#provider-fal .key-state")).hasText("Ключа нет");
        page.getByText("Добавить модель").click();
        page.waitForURL("**/admin/catalog/models/new");

        Locator form = page.locator("form.model-form");
        form.locator("select[name=providerId]").selectOption(new SelectOption().setLabel("Кадр (без ИИ)"));
        form.locator("input[name=externalId]").fill("local/browser-" + UUID.randomUUID());
        form.locator("input[name=name]").fill(name);
        form.locator("input[name=vendor]").fill("Кадр");
        form.locator("textarea[name=description]").fill("Квадратный черновик, добавлен в браузере.");
        form.locator("textarea[name=paramSchema]").fill("""
                {"type": "object", "properties": {
                  "size": {"type": "string", "title": "Размер", "enum": ["512x512"], "default": "512x512"}}}""");
        form.locator("textarea[name=fieldMapping]").fill("{\"prompt\": \"prompt\", \"size\": \"size\"}");
        form.locator("select[name=priceUnit]").selectOption("run");
        form.locator("input[name=priceUsd]").fill("бесплатно");
        form.locator("button[type=submit]").click();

        Locator priceError = page.locator("form.model-form input[name=priceUsd] ~ .field-error");
        assertThat(priceError).containsText("Цена в долларах должна быть числом");
        Browser.screenshot(page, "catalog-model-invalid");
        page.locator("form.model-form input[name=priceUsd]").fill("0");
        page.locator("form.model-form button[type=submit]").click();
        page.waitForURL("**/admin/catalog");
        assertThat(page.locator(".notice")).hasText("Модель «" + name + "» добавлена.");

        page.locator(".model-filters input[name=q]").fill(name);
        assertThat(page.locator("#catalog-models tr.model-row")).hasCount(1);
        assertThat(page.locator("#catalog-models tr.model-row a")).hasText(name);
        Browser.screenshot(page, "catalog-admin");

        page.navigate("/shots/" + shot);
        // No provider has a key here: the bar starts on a model of the offline engine, never a greyed one.
        Locator bar = page.locator("#generate-form");
        String first = bar.locator("input[name=modelId]").inputValue();
        Locator picker = page.locator("#model-picker");
        assertThat(picker.locator(".picker-model[data-model-id='" + first + "']"))
                .hasAttribute("data-vendor", "Кадр");
        assertThat(picker.locator(".picker-model[data-model-id='" + first + "']"))
                .hasAttribute("data-ready", "true");
        bar.locator("[data-model-open]").click();
        Locator added = picker.locator(".picker-model", new Locator.LocatorOptions().setHasText(name));
        assertThat(added).hasCount(1);
        Locator unavailable =
                picker.locator(".picker-model.unready", new Locator.LocatorOptions().setHasText("FLUX.1 [dev]"));
        assertThat(unavailable.first().locator("[data-pick]")).isDisabled();
        added.locator("[data-pick]").click();
        assertThat(bar.locator("[data-model-name]")).hasText(name);
        assertThat(page.locator("#generate-form [data-params] select[data-param=size]"))
                .hasValue("512x512");
        Browser.screenshot(page, "catalog-model-in-picker");

        // Switched off in the list (htmx, with the page's CSRF token), it leaves the picker.
        page.navigate("/admin/catalog?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        Locator row = page.locator("#catalog-models tr.model-row");
        assertThat(row).hasCount(1);
        row.getByText("Выключить").click();
        assertThat(row.locator(".model-state")).hasText("выключена");
        assertThat(row).hasClass(java.util.regex.Pattern.compile("\\boff\\b"));
        page.navigate("/shots/" + shot);
        assertThat(page.locator("#model-picker .picker-model").first()).isAttached();
        assertThat(added).hasCount(0);
    }
}
