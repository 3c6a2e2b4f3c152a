package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's main pages on a phone (390 and 360 px wide): nothing scrolls sideways, the controls stay in reach. */
@KadrTest
@Tag("browser")
class PhoneWidthsInTheBrowserTests {

    static final String NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth"
            + " <= document.documentElement.clientWidth && document.body.scrollWidth"
            + " <= document.documentElement.clientWidth";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void theStoryboardTheBoxTheGalleryAndTheStudioFitAPhone() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Очень длинное название проекта для узкого экрана телефона");
        String shot = studio.newShot(person, project, "Первый шот с длинным названием, которое не помещается");
        studio.newShot(person, project, "Второй");
        Api.Response described = person.api()
                .patch("/api/v1/shots/" + shot, Map.of("description", "Рассвет над рекой, туман, лодка уходит в кадр"));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);
        for (String take : studio.upload(
                person,
                shot,
                new Api.NamedBytes("широкий.jpg", Samples.jpeg(1600, 900)),
                new Api.NamedBytes("высокий.jpg", Samples.jpeg(900, 1600)))) {
            studio.awaitProcessed(person, take);
        }

        Page page = browser.signedIn(studio, person);
        for (int[] size : new int[][] {{390, 844}, {360, 740}}) {
            page.setViewportSize(size[0], size[1]);
            String at = size[0] + " px";

            page.navigate("/projects/" + project);
            assertThat(page.locator("#grid .box")).hasCount(2);
            assertThat(page.locator("#add-shot")).isInViewport();
            fits(page, "the storyboard at " + at);
            Browser.screenshot(page, "phone-storyboard-" + size[0]);

            page.navigate("/shots/" + shot);
            assertThat(page.locator(".card[data-status=ready]")).hasCount(2);
            assertThat(page.locator("#generate-form button[type=submit]")).isInViewport();
            fits(page, "the box at " + at);

            page.navigate("/gallery");
            assertThat(page.locator("#results .take")).hasCount(2);
            fits(page, "the gallery at " + at);

            page.navigate("/projects/" + project + "/studio");
            assertThat(page.locator("#generate-panel textarea[name=prompt]")).isInViewport();
            assertThat(page.locator("#studio-takes .studio-take")).hasCount(2);
            fits(page, "the studio at " + at);
            Browser.screenshot(page, "phone-studio-" + size[0]);
        }
    }

    private static void fits(Page page, String what) {
        assertThat((Boolean) page.evaluate(NO_SIDEWAYS_SCROLL))
                .as("no sideways scrolling on %s; sticking out: %s", what, page.evaluate(STICKING_OUT))
                .isTrue();
    }

    /** The elements that reach past the right edge, to say what to fix when the page scrolls sideways. */
    private static final String STICKING_OUT = "() => [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
            + ".slice(0, 8).map(e => e.tagName + '.' + [...e.classList].join('.') + ' '"
            + " + Math.round(e.getBoundingClientRect().right)).join(', ')";
}
