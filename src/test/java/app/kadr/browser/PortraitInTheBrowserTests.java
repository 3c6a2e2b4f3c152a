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
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A director makes Аня's portrait on her page, watches the three views arrive, and gives her a voice. */
@KadrTest
@Tag("browser")
class PortraitInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void thePortraitButtonShowsTheViewsComingAndThenTheNewReferences() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Маяк");
        String shot = studio.newShot(person, project, "Берег");
        String voice = studio.upload(person, shot, new Api.NamedBytes("голос Ани.mp3", Samples.audio("mp3", 1)))
                .getFirst();
        studio.awaitProcessed(person, voice);
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of(
                                "kind", "character",
                                "handle", "Аня",
                                "description", "девушка 20 лет, рыжие волосы до плеч, зелёный плащ",
                                "voiceNote", "низкий, хрипловатый, говорит медленно",
                                "voiceAssetId", voice));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);

        Page page = browser.signedIn(studio, person);
        page.navigate("/elements/" + anya.id());
        Locator start = page.locator("#portrait-start");
        assertThat(start).hasText("Сгенерировать портрет");
        assertThat(page.locator("#element-refs img")).hasCount(0);
        start.click();
        assertThat(page.locator(".portrait-tile")).hasCount(3);
        assertThat(page.locator(".portrait-tile strong")).hasText(new String[] {"Анфас", "Три четверти", "Профиль"});
        assertThat(page.locator("#element-refs img"))
                .hasCount(
                        3,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(90_000));
        assertThat(page.locator("#portrait-start")).isEnabled();
        assertThat(page.locator("audio#element-voice")).isVisible();
        page.waitForFunction("() => [...document.querySelectorAll('#element-refs img, .portrait-tile img')]"
                + ".every(img => img.complete && img.naturalWidth > 0)");
        Browser.screenshot(page, "element-portrait-1440");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "element-portrait-390");

        page.setViewportSize(1440, 900);
        page.navigate("/projects/" + project + "/elements");
        page.locator(".element-card [data-element-open]").first().click();
        Locator form = page.locator("#element-form");
        assertThat(form.locator("input[name=voiceNote]")).hasValue("низкий, хрипловатый, говорит медленно");
        assertThat(form.locator("select[name=voiceAssetId]")).hasValue(voice);
        Browser.screenshot(page, "element-voice-form-1440");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "element-voice-form-390");
        form.locator("select[name=kind]").selectOption("location");
        assertThat(form.locator("input[name=voiceNote]")).isHidden();
    }
}
