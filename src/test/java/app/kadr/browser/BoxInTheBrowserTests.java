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
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The box as a workspace: takes first, the docked generation bar, the model picker, a phone's width. */
@KadrTest
@Tag("browser")
class BoxInTheBrowserTests {

    private static final String DESCRIPTION = "Рассвет над рекой, туман, лодка уходит в кадр справа";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    /** A shot with twelve processed takes of three shapes, and a description to start the prompt from. */
    private String shotWithTwelveTakes(Studio.Person person) {
        String shot = studio.newShot(person, studio.newProject(person, "Река"), "Рассвет");
        Api.Response described = person.api().patch("/api/v1/shots/" + shot, Map.of("description", DESCRIPTION));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);
        List<Api.NamedBytes> files = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            int width = i % 3 == 0 ? 900 : 1600;
            int height = i % 3 == 0 ? 1600 : (i % 3 == 1 ? 900 : 1200);
            files.add(new Api.NamedBytes("take-" + i + ".jpg", Samples.jpeg(width, height)));
        }
        for (String id : studio.upload(person, shot, files.toArray(Api.NamedBytes[]::new))) {
            studio.awaitProcessed(person, id);
        }
        return shot;
    }

    @Test
    void atDesktopSizeTheTakesAreThePageAndTheKeyboardWorksOnThem() {
        Studio.Person person = studio.newPerson();
        String shot = shotWithTwelveTakes(person);
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        Locator cards = page.locator(".card[data-status=ready]");
        assertThat(cards).hasCount(12);
        assertThat(cards.first().locator(".card-media img")).isVisible();
        int inView = inViewport(page, ".card[data-status=ready] .card-media");
        assertThat(inView).as("takes wholly in the 1440×900 viewport on load").isGreaterThanOrEqualTo(8);

        // Numbered per shot in the order they were made; the newest first by default, the oldest first on request.
        assertThat(cards.first().locator(".take-name")).hasText("Дубль 12");
        assertThat(cards.last().locator(".take-name")).hasText("Дубль 1");
        Locator prompt = page.locator("#generate-form textarea[name=prompt]");
        assertThat(prompt).hasValue(DESCRIPTION);
        assertThat(page.locator("#shot-panel")).isVisible();
        assertThat(page.locator("#shot-panel #comments")).isAttached();
        assertThat(page.locator("#generate-form [data-params] select[data-param=size]"))
                .isVisible();
        Browser.screenshot(page, "box-desktop");

        // H on the take under the pointer makes it the headliner; ←/→ walk the lightbox; G goes to the prompt.
        cards.nth(2).hover();
        Browser.screenshot(page, "box-desktop-hover");
        page.keyboard().press("h");
        assertThat(page.locator(".card.is-headliner .take-name")).hasText("Дубль 10");
        assertThat(page.locator(".card.is-headliner .headliner-mark")).hasText("Хедлайнер");

        page.locator("#asset-" + cards.first().getAttribute("data-asset-id") + " [data-open]")
                .click();
        Locator lightbox = page.locator("#lightbox");
        assertThat(lightbox.locator("figcaption")).hasText("Дубль 12");
        page.keyboard().press("ArrowRight");
        assertThat(lightbox.locator("figcaption")).hasText("Дубль 11");
        page.keyboard().press("ArrowLeft");
        assertThat(lightbox.locator("figcaption")).hasText("Дубль 12");
        page.keyboard().press("Escape");
        assertThat(lightbox).isHidden();
        page.keyboard().press("g");
        assertThat(prompt).isFocused();

        // The rest sits in menus: a card's «⋯» and the bar's «Ещё».
        Locator menu = cards.nth(1).locator(".card-menu");
        menu.locator("summary").click();
        assertThat(menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("История")))
                .isVisible();
        assertThat(menu.locator(".file-name")).containsText("take-");
        Browser.screenshot(page, "box-card-menu");
        page.locator(".box-heading h1").click();
        assertThat(menu.locator(".menu-list")).isHidden();
        page.locator("#generate-form .more-params > summary").click();
        assertThat(page.locator("#generate-form .more-popover [data-param=seed]"))
                .isVisible();
        Browser.screenshot(page, "box-more");
        page.locator("#generate-form .more-params > summary").click();

        page.locator("select[data-sort]").selectOption("oldest");
        page.waitForURL(java.util.regex.Pattern.compile(".*sort=oldest.*"));
        assertThat(cards.first().locator(".take-name")).hasText("Дубль 1");
        page.locator(".segmented a", new Page.LocatorOptions().setHasText("Видео"))
                .click();
        assertThat(page.locator("#feed .empty")).isVisible();
        assertThat(page.locator("#feed")).hasAttribute("data-sort", "oldest");
    }

    @Test
    void thePickerFiltersModelsAndGreysOnesThatCannotRunWithTheReasonAndAFixForAdmins() {
        Studio.Person admin = studio.newAdmin();
        String shot = studio.newShot(admin, studio.newProject(admin, "Выбор"), "Шот");
        Page page = browser.signedIn(studio, admin);
        page.navigate("/shots/" + shot);

        Locator bar = page.locator("#generate-form");
        bar.locator("[data-model-open]").click();
        Locator picker = page.locator("#model-picker");
        assertThat(picker).isVisible();
        // No provider has a key here: FLUX.1 [dev] at fal is shown, greyed, with why and where to fix it.
        Locator flux = picker.locator(
                        "[data-picker-group] .picker-model[data-provider=fal]",
                        new Locator.LocatorOptions().setHasText("FLUX.1 [dev]"))
                .first();
        assertThat(flux).hasClass(java.util.regex.Pattern.compile("\\bunready\\b"));
        assertThat(flux.locator("[data-pick]")).isDisabled();
        assertThat(flux.locator(".pm-why")).containsText("нет ключа API");
        assertThat(flux.locator(".pm-why a")).hasAttribute("href", "/admin/catalog#provider-fal");
        Browser.screenshot(page, "box-picker");

        picker.getByLabel("Найти модель").fill("черновик");
        Locator shown = picker.locator("[data-picker-group] .picker-model:visible");
        assertThat(shown).hasCount(1);
        assertThat(shown.locator(".pm-name")).hasText("Черновик (без ИИ)");
        assertThat(flux).isHidden();

        picker.getByLabel("Найти модель").fill("");
        picker.getByLabel("Качество").selectOption("ultra");
        assertThat(picker.locator("[data-picker-group] .picker-model:visible .tag.q-ultra"))
                .hasCount(picker.locator("[data-picker-group] .picker-model:visible")
                        .count());
        picker.getByLabel("Качество").selectOption("");
        picker.getByLabel("Скорость").selectOption("15");
        Locator quick = picker.locator("[data-picker-group] .picker-model:visible");
        assertThat(quick.first()).isVisible();
        for (String seconds : quick.evaluateAll("items => items.map(i => i.dataset.seconds)")
                .toString()
                .replaceAll("[\\[\\] ]", "")
                .split(",")) {
            org.assertj.core.api.Assertions.assertThat(Integer.parseInt(seconds))
                    .as("typical time of a model shown under «Не дольше 15 с»")
                    .isLessThanOrEqualTo(15);
        }
        assertThat(quick.first().locator(".pm-time")).containsText("≈");
        picker.getByLabel("Скорость").selectOption("");
        picker.getByText("Только доступные сейчас").click();
        assertThat(flux).isHidden();
        assertThat(picker.locator("[data-picker-group] .picker-model.unready:visible"))
                .hasCount(0);

        picker.locator(".picker-model", new Locator.LocatorOptions().setHasText("Черновик (без ИИ)"))
                .first()
                .locator("[data-pick]")
                .click();
        assertThat(picker).isHidden();
        assertThat(bar.locator("[data-model-name]")).hasText("Черновик (без ИИ)");
        assertThat(bar.locator("[data-params] select[data-param=size]")).isVisible();
        bar.locator("[data-model-open]").click();
        assertThat(picker.locator("[data-picker-recent] .pm-name")).hasText(new String[] {"Черновик (без ИИ)"});
        page.keyboard().press("Escape");

        // Someone who is not an admin sees the reason and whom to ask, not a link they could not use.
        Studio.Person person = studio.newPerson();
        String own = studio.newShot(person, studio.newProject(person, "Чужой взгляд"), "Шот");
        Page theirs = browser.signedIn(studio, person);
        theirs.navigate("/shots/" + own);
        theirs.locator("#generate-form [data-model-open]").click();
        Locator greyed = theirs.locator("#model-picker .picker-model.unready").first();
        assertThat(greyed.locator(".pm-why")).containsText("администратора");
        assertThat(greyed.locator(".pm-why a")).hasCount(0);
    }

    @Test
    void aLongFeedShowsAFirstPageAndLoadsTheRestAsItScrolls() {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Длинный"), "Много дублей");
        studio.olderTakes(shot, 60);
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);

        Locator cards = page.locator("#feed > .card");
        assertThat(cards).hasCount(48);
        assertThat(cards.first().locator(".take-name")).hasText("Дубль 60");

        page.locator("#feed > .more").scrollIntoViewIfNeeded();
        assertThat(cards).hasCount(60);
        assertThat(page.locator("#feed > .more")).hasCount(0);
        assertThat(cards.last().locator(".take-name")).hasText("Дубль 1");
        Browser.screenshot(page, "box-scrolled");
    }

    @Test
    void onAPhoneTheBoxFitsTheWidthAndThePanelOpensAsADrawer() {
        Studio.Person person = studio.newPerson();
        String shot = shotWithTwelveTakes(person);
        Page page = browser.signedIn(studio, person);
        page.setViewportSize(390, 844);
        page.navigate("/shots/" + shot);

        assertThat(page.locator(".card[data-status=ready]")).hasCount(12);
        assertThat(page.locator("#generate-form textarea[name=prompt]")).isVisible();
        assertThat(page.locator("#shot-panel")).isHidden();
        assertThat(page.locator("#generate-form [data-params] select[data-param=size]"))
                .isVisible();
        assertThat(noHorizontalScroll(page)).isTrue();
        Browser.screenshot(page, "box-phone");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Шот").setExact(true))
                .first()
                .click();
        assertThat(page.locator("#shot-panel")).isVisible();
        assertThat(noHorizontalScroll(page)).isTrue();
        Browser.screenshot(page, "box-phone-panel");
    }

    /**
     * How many of the matched elements the person sees whole on load: inside the window and inside the feed's own
     * scrolling area (what lies under the docked bar does not count).
     */
    private static int inViewport(Page page, String selector) {
        Object count = page.evaluate(
                "selector => { const area = document.querySelector('.feed-scroll').getBoundingClientRect();"
                        + " const top = Math.max(0, area.top), bottom = Math.min(innerHeight, area.bottom);"
                        + " return [...document.querySelectorAll(selector)].filter(e => {"
                        + " const r = e.getBoundingClientRect();"
                        + " return r.width > 0 && r.top >= top && r.bottom <= bottom && r.left >= 0"
                        + " && r.right <= innerWidth; }).length; }",
                selector);
        return ((Number) count).intValue();
    }

    private static boolean noHorizontalScroll(Page page) {
        return (Boolean)
                page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                        + " && document.body.scrollWidth <= document.documentElement.clientWidth");
    }
}
