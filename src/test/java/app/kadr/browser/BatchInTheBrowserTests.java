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
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.KeyboardModifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Choosing shots on the storyboard and running the offline engine over them, with the price shown first. */
@KadrTest
@Tag("browser")
class BatchInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aBatchOverTenShotsShowsItsCountAndCostBeforeConfirmingAndRunsToDone() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Пакетный ролик");
        for (int n = 1; n <= 10; n++) {
            shot(person, project, "Шот " + n, "кадр " + n + ": город на рассвете, туман");
        }
        String blank = shot(person, project, "Без описания", "");
        String withHeadliner = shot(person, project, "С хедлайнером", "уже готовый кадр");
        String take = studio.upload(person, withHeadliner, new Api.NamedBytes("кадр.jpg", Samples.jpeg(640, 360)))
                .getFirst();
        studio.awaitProcessed(person, take);
        person.api().patch("/api/v1/shots/" + withHeadliner, Map.of("headlinerAssetId", take));

        Page page = browser.signedIn(studio, person);
        page.navigate("/projects/" + project);
        Locator boxes = page.locator("#grid .box");
        assertThat(boxes).hasCount(12);
        Locator bar = page.locator("#selection-bar");
        Locator count = bar.locator("[data-selection-count]");

        // Ctrl-click starts choosing; Shift-click adds a range; Ctrl-click takes one out again.
        boxes.nth(0).locator(".box-media").click(ctrl());
        assertThat(bar).isVisible();
        boxes.nth(4)
                .locator(".box-media")
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
        assertThat(count).hasText("Выбрано: 5");
        boxes.nth(2).locator(".box-media").click(ctrl());
        assertThat(count).hasText("Выбрано: 4");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/projects/" + project + "$"));
        bar.getByText("Снять выбор").click();
        assertThat(count).hasText("Выбрано: 0");

        bar.getByText("Все без хедлайнера").click();
        assertThat(count).hasText("Выбрано: 11");
        assertThat(page.locator("#box-" + withHeadliner)).not().hasClass(java.util.regex.Pattern.compile("selected"));
        assertThat(page.locator("#box-" + blank)).hasClass(java.util.regex.Pattern.compile("selected"));
        Browser.screenshot(page, "batch-selection-1440");

        bar.getByText("Сгенерировать…").click();
        Locator dialog = page.locator("#batch-dialog");
        Browser.pickModel(page, dialog.locator("#batch-form"), "#batch-dialog #model-picker", "Черновик");
        Locator total = dialog.locator("[data-batch-total]");
        assertThat(total).containsText("10 дублей");
        assertThat(total).containsText("по 10 шотам");
        assertThat(total.locator(".batch-cost")).hasText("бесплатно");
        assertThat(dialog.locator("[data-batch-skipped]")).hasText("Пропущены без описания: № 11");
        dialog.locator("input[name=count]").fill("2");
        assertThat(total).containsText("20 дублей");
        assertThat(total).hasAttribute("data-takes", "20");
        dialog.locator("input[name=count]").fill("1");
        assertThat(total).hasAttribute("data-takes", "10");
        // Nothing has started before the confirmation.
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
        Browser.screenshot(page, "batch-confirm-1440");

        page.setViewportSize(390, 844);
        Browser.screenshot(page, "batch-confirm-390");
        dialog.locator("[data-batch-start]").click();
        assertThat(dialog).isHidden();
        Browser.screenshot(page, "batch-started-390");
        page.setViewportSize(1440, 900);

        Locator row = page.locator("#batches .batch-row");
        assertThat(row).hasCount(1);
        assertThat(bar).isHidden();
        var slow = new LocatorAssertions.HasAttributeOptions().setTimeout(180_000);
        assertThat(row).hasAttribute("data-status", "done", slow);
        assertThat(row.locator("[data-batch-status]")).hasText("Готово");
        assertThat(row.locator("[data-count=done]")).hasText("готово 10");
        assertThat(row).containsText("10 шотов × 1");
        assertThat(row.locator("progress")).hasAttribute("value", "100");
        Browser.screenshot(page, "batch-done-1440");

        page.setViewportSize(390, 844);
        page.locator("[data-select-mode]").click();
        bar.getByText("Все без хедлайнера").click();
        Browser.screenshot(page, "batch-selection-390");
        // The bar and the batch's row fit the phone's width (the page's top bar is not the batch's to fix).
        assertThat(bar.boundingBox().x).isNotNegative();
        assertThat(bar.boundingBox().x + bar.boundingBox().width).isLessThanOrEqualTo(390);
        assertThat(row.boundingBox().x + row.boundingBox().width).isLessThanOrEqualTo(390);
        page.keyboard().press("Escape");
        assertThat(bar).isHidden();
    }

    private static Locator.ClickOptions ctrl() {
        return new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.CONTROL));
    }

    private static String shot(Studio.Person person, String project, String title, String description) {
        Api.Response shot = person.api()
                .post("/api/v1/projects/" + project + "/shots", Map.of("title", title, "description", description));
        assertThat(shot.status()).as(shot.toString()).isEqualTo(201);
        return shot.id();
    }
}
