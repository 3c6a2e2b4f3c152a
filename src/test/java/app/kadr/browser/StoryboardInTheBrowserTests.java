package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A new person's first film, as they would make it in Chromium. */
@KadrTest
@Tag("browser")
class StoryboardInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aNewPersonBuildsAStoryboardUploadsTakesPicksAHeadlinerAndReorders() {
        Page page = browser.newPage(studio.baseUrl());

        signUp(page, "director" + System.nanoTime() % 1_000_000);
        createProject(page, "Осенний ролик");
        for (int shot = 1; shot <= 12; shot++) {
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Добавить шот"))
                    .click();
            assertThat(page.locator("#grid .box")).hasCount(shot);
        }
        Browser.screenshot(page, "storyboard-empty");

        String firstShot = page.locator("#grid .box").first().getAttribute("data-shot-id");
        page.locator("#grid .box").first().locator(".box-media").click();
        page.waitForURL("**/shots/" + firstShot);
        page.setInputFiles("#file-input", new FilePayload[] {
            new FilePayload("лес.jpg", "image/jpeg", Samples.jpeg(1600, 900)),
            new FilePayload("проход.mp4", "video/mp4", Samples.video("mp4", 4))
        });
        Locator ready = page.locator(".card[data-status=ready] .card-media img");
        assertThat(ready)
                .hasCount(
                        2,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
        Browser.screenshot(page, "box-with-takes");

        Locator videoCard = page.locator(".card[data-kind=video]");
        videoCard
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Сделать хедлайнером"))
                .click();
        assertThat(page.locator(".card.is-headliner[data-kind=video]")).hasCount(1);

        page.locator(".crumbs a").last().click();
        Locator boxes = page.locator("#grid .box");
        assertThat(boxes.first().locator(".box-media img")).isVisible();
        Browser.screenshot(page, "storyboard-with-headliner");
        // The head is one quiet row: what is used now and then waits under «Ещё».
        page.locator("#project-more > summary").click();
        assertThat(page.locator("#project-more .menu-list")).containsText("Пересобрать превью");
        Browser.screenshot(page, "storyboard-more-menu");
        page.locator("#project-more > summary").click();

        page.waitForResponse(
                response -> response.url().endsWith("/shots/order") && response.status() == 200,
                () -> boxes.first().dragTo(boxes.nth(3)));
        String numberAfterDrag =
                page.locator("#box-" + firstShot + " .box-number").textContent();
        assertThat(numberAfterDrag).isNotEqualTo("1");
        assertThat(boxes.first().locator(".box-number")).hasText("1");

        page.reload();
        assertThat(page.locator("#box-" + firstShot + " .box-number")).hasText(numberAfterDrag);
        List<String> numbers = page.locator("#grid .box .box-number").allTextContents();
        assertThat(numbers).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

        Locator media = page.locator("#box-" + firstShot + " .box-media");
        media.hover();
        page.waitForFunction(
                "id => { const v = document.querySelector(`#box-${id} video.hover-clip`);"
                        + " return v && !v.paused && v.currentTime > 0; }",
                firstShot);
        Browser.screenshot(page, "storyboard-hover");

        boxes.nth(0).locator("[data-action=insert-after]").click();
        assertThat(boxes).hasCount(13);
        assertThat(boxes.nth(1).locator(".box-title")).hasText("Шот 13");
        boxes.nth(2).locator("[data-action=duplicate]").click();
        assertThat(boxes).hasCount(14);
        assertThat(boxes.nth(3).locator(".box-title")).containsText("(копия)");
        page.onceDialog(com.microsoft.playwright.Dialog::accept);
        boxes.nth(3).locator("[data-action=trash]").click();
        assertThat(boxes).hasCount(13);
    }

    @Test
    void fourVariantsFromTheOfflineEngineAHeadlinerAndItsAnimationAllWithoutAReload() {
        Page page = browser.newPage(studio.baseUrl());
        signUp(page, "maker" + System.nanoTime() % 1_000_000);
        createProject(page, "Генерации");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Добавить шот"))
                .click();
        page.locator("#grid .box").first().locator(".box-media").click();
        page.waitForURL("**/shots/*");

        Locator form = page.locator("#generate-form");
        form.locator("[data-model-open]").click();
        page.locator("#model-picker [data-picker-q]").fill("Черновик");
        page.locator("#model-picker .picker-model:visible [data-pick]").first().click();
        assertThat(form.locator("[data-model-name]")).hasText("Черновик (без ИИ)");
        assertThat(form.locator("[data-params]")).containsText("Размер");
        form.locator("[name=prompt]").fill("осенний парк, туман, рассвет");
        form.locator("[name=count]").fill("4");
        form.locator("button[type=submit]").click();

        var slow = new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(90_000);
        assertThat(page.locator("#generations .gen")).hasCount(4);
        assertThat(page.locator("#generations .gen-done")).hasCount(4, slow);
        assertThat(page.locator(".card[data-status=ready][data-kind=image]")).hasCount(4, slow);
        Browser.screenshot(page, "box-generated");

        Locator first = page.locator(".card[data-kind=image]").first();
        first.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Сделать хедлайнером"))
                .click();
        assertThat(page.locator(".card.is-headliner")).hasCount(1);
        page.locator(".card.is-headliner [data-animate]").click();
        Locator dialog = page.locator("#animate-dialog");
        Browser.pickModel(page, dialog.locator("form[data-gen-form]"), "#animate-picker", "Панорама");
        assertThat(dialog.locator("[data-params]")).containsText("Длительность");
        dialog.locator("button[type=submit]").click();

        try {
            assertThat(page.locator("#generations .gen-done", new Page.LocatorOptions().setHasText("Панорама")))
                    .hasCount(1, slow);
            assertThat(page.locator(".card[data-status=ready][data-kind=video]"))
                    .hasCount(1, slow);
        } finally {
            Browser.screenshot(page, "box-animated");
        }
    }

    @Test
    void titlesAreRenamedInPlaceAndChosenShotsChangeStatusMoveAndGoToTheTrashTogether() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Правки");
        for (String title : List.of("Лес", "Дорога", "Дом", "Окно", "Сад")) {
            studio.newShot(person, project, title);
        }
        Page page = browser.signedIn(studio, person);
        page.navigate("/projects/" + project);
        Locator boxes = page.locator("#grid .box");
        assertThat(boxes).hasCount(5);

        String longTitle = "Рассвет над рекой: общий план с моста, туман уходит вверх";
        boxes.nth(0).locator(".box-title").dblclick();
        Locator field = boxes.nth(0).locator(".box-title-input");
        field.fill(longTitle);
        field.press("Enter");
        assertThat(boxes.nth(0).locator(".box-title")).hasText(longTitle);
        assertThat(boxes.nth(0).locator(".box-title")).hasAttribute("title", longTitle);
        boxes.nth(1).locator(".box-title").dblclick();
        boxes.nth(1).locator(".box-title-input").fill("Не то");
        boxes.nth(1).locator(".box-title-input").press("Escape");
        assertThat(boxes.nth(1).locator(".box-title")).hasText("Дорога");
        page.reload();
        assertThat(boxes.nth(0).locator(".box-title")).hasText(longTitle);
        assertThat(boxes.nth(1).locator(".box-title")).hasText("Дорога");

        // Ctrl-click one, Shift-click to extend: «Дорога», «Дом», «Окно» become «Готово» together.
        Locator.ClickOptions ctrl = new Locator.ClickOptions()
                .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.CONTROL));
        boxes.nth(1).locator(".box-media").click(ctrl);
        boxes.nth(3)
                .locator(".box-media")
                .click(new Locator.ClickOptions()
                        .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
        Locator bar = page.locator("#selection-bar");
        assertThat(bar.locator("[data-selection-count]")).hasText("Выбрано: 3");
        bar.locator("[data-selection-status]").selectOption("done");
        assertThat(page.locator("#grid .box[data-status=done]")).hasCount(3);
        assertThat(boxes.nth(2).locator(".box-status")).hasText("Готово");
        assertThat(boxes.nth(0).locator(".box-status")).hasText("Черновик");
        Browser.screenshot(page, "storyboard-selection-status");

        // The filter hides the others without losing them.
        page.locator("[data-status-filter=done]").click();
        assertThat(page.locator("#grid .box:visible")).hasCount(3);
        assertThat(page.locator("[data-status-filter=done] [data-status-count]"))
                .hasText("3");
        page.locator("[data-status-filter='']").click();
        assertThat(page.locator("#grid .box:visible")).hasCount(5);

        page.onceDialog(dialog -> dialog.accept("1"));
        bar.locator("[data-selection-move]").click();
        assertThat(boxes.nth(0).locator(".box-title")).hasText("Дорога");
        assertThat(boxes.nth(3).locator(".box-title")).hasText(longTitle);

        page.onceDialog(com.microsoft.playwright.Dialog::accept);
        bar.locator("[data-selection-trash]").click();
        assertThat(boxes).hasCount(2);
        assertThat(page.locator("#grid .box .box-number")).hasText(new String[] {"1", "2"});

        List<String> titles = new java.util.ArrayList<>();
        person.api()
                .get("/api/v1/projects/" + project + "/shots")
                .json()
                .path("items")
                .forEach(shot -> titles.add(shot.path("title").asString()));
        assertThat(titles).containsExactly(longTitle, "Сад");

        page.setViewportSize(390, 844);
        assertThat((Boolean) page.evaluate(
                        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scroll at 390 px")
                .isTrue();
        Browser.screenshot(page, "storyboard-polish-390");
    }

    private static void signUp(Page page, String username) {
        page.navigate("/signup");
        page.getByLabel("Логин").fill(username);
        page.getByLabel("Имя (как вас показывать)").fill("Режиссёр");
        page.getByLabel("Пароль", new Page.GetByLabelOptions().setExact(true)).fill("long-password-1");
        page.getByLabel("Пароль ещё раз").fill("long-password-1");
        page.getByText("Создать аккаунт").click();
        page.waitForURL("**/");
        assertThat(page.locator("h1")).hasText("Проекты");
    }

    private static void createProject(Page page, String name) {
        page.getByLabel("Название").fill(name);
        page.getByText("Создать проект").click();
        page.waitForURL("**/projects/*");
        assertThat(page.locator("h1")).hasText(name);
    }
}
