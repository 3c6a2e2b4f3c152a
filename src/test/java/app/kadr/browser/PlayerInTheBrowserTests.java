package app.kadr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The film plays on Chromium from the storyboard's «▶ Смотреть»: a still, a video with sound, a card and a still,
 * one after another. The player writes down every shot as it comes on screen and whether its slot had it loaded
 * by then (a video's readyState ≥ 3, a decoded picture): every cut having been preloaded is what gapless means
 * here, and it is checked without timing anything.
 */
@KadrTest
@Tag("browser")
class PlayerInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void theFilmPlaysShotAfterShotWithEveryCutPreloadedAndTheKeysMoveThroughIt() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Кофейня");
        String beans = studio.newShot(owner, project, "Зерно");
        String steam = studio.newShot(owner, project, "Пар над чашкой");
        String card = studio.newShot(owner, project, "Вывеска");
        String cup = studio.newShot(owner, project, "Чашка");
        headliner(owner, beans, "зерно.jpg", Samples.jpeg(1280, 720), 1_000);
        headliner(owner, steam, "пар.mp4", Samples.video("mp4", 1), null);
        duration(owner, card, 800);
        headliner(owner, cup, "чашка.png", Samples.png(720, 1280), 1_000);

        Page page = browser.signedIn(studio, owner);
        page.navigate("/projects/" + project);
        page.locator("#watch-film").click();
        page.waitForURL("**/projects/" + project + "/play");
        page.waitForFunction("() => window.kadrPlayer && window.kadrPlayer.state.ended");

        List<Map<String, Object>> log = log(page);
        assertThat(log).extracting(entry -> entry.get("shot")).containsExactly(beans, steam, card, cup);
        assertThat(log).extracting(entry -> entry.get("how")).containsExactly("start", "advance", "advance", "advance");
        assertThat(log.subList(1, log.size()))
                .as("every cut found the next shot already loaded in the other slot")
                .allSatisfy(entry -> assertThat(entry.get("preloaded")).isEqualTo(true));
        assertThat(log.get(1).get("sound"))
                .as("the video played with its sound")
                .isEqualTo(true);
        assertThat(((Number) log.get(1).get("playedMs")).intValue())
                .as("the video played through, not cut short")
                .isGreaterThan(800);
        assertThat(page.locator(".time [data-time]")).hasText("0:03");

        page.keyboard().press("Home");
        assertThat(page.locator(".caption-title")).hasText("Зерно");
        assertThat(page.locator(".player")).not().hasClass(java.util.regex.Pattern.compile("\\bplaying\\b"));
        page.setViewportSize(1440, 900);
        page.mouse().move(700, 450);
        page.waitForFunction("() => { const i = document.querySelector('.slot.on img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        Browser.screenshot(page, "player-desktop");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowLeft");
        page.locator(".scrubber .segment").nth(3).click();
        assertThat(page.locator(".caption-title")).hasText("Чашка");
        assertThat(log(page).subList(4, 9))
                .extracting(entry -> entry.get("shot"))
                .containsExactly(beans, steam, card, steam, cup);
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("Space");
        assertThat(page.locator(".player")).hasClass(java.util.regex.Pattern.compile("\\bplaying\\b"));
        page.keyboard().press("k");
        assertThat(page.locator(".player")).not().hasClass(java.util.regex.Pattern.compile("\\bplaying\\b"));

        page.navigate("/projects/" + project + "/play?from=" + card);
        page.waitForFunction("() => window.kadrPlayer && window.kadrPlayer.state.ended");
        assertThat(log(page)).extracting(entry -> entry.get("shot")).containsExactly(card, cup);
        assertThat(log(page).get(1).get("preloaded")).isEqualTo(true);
    }

    @Test
    void aClientWatchesTheFilmFromTheLinkOnAPhone() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Пекарня");
        String bread = studio.newShot(owner, project, "Хлеб из печи");
        String sign = studio.newShot(owner, project, "Вывеска на рассвете");
        headliner(owner, bread, "хлеб.jpg", Samples.jpeg(1280, 720), 1_000);
        duration(owner, sign, 600);
        String link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json()
                .path("url")
                .asString();

        Page client = browser.newPage(studio.baseUrl());
        client.setViewportSize(390, 844);
        client.navigate(link);
        client.locator(".client-watch a").click();
        client.waitForFunction("() => window.kadrPlayer && window.kadrPlayer.state.ended");
        assertThat(log(client)).extracting(entry -> entry.get("shot")).containsExactly(bread, sign);
        assertThat(log(client).get(1).get("preloaded")).isEqualTo(true);
        assertThat(client.locator(".slot.on .card-title")).hasText("Вывеска на рассвете");
        assertThat((Boolean) client.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        Browser.screenshot(client, "player-client-phone");
        client.keyboard().press("Home");
        client.waitForFunction("() => { const i = document.querySelector('.slot.on img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        Browser.screenshot(client, "player-client-phone-still");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> log(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.kadrPlayer.log");
    }

    private void headliner(Studio.Person owner, String shot, String name, byte[] bytes, Integer durationMs) {
        String asset =
                studio.upload(owner, shot, new Api.NamedBytes(name, bytes)).getFirst();
        studio.awaitProcessed(owner, asset);
        Map<String, Object> body = new HashMap<>();
        body.put("headlinerAssetId", asset);
        if (durationMs != null) {
            body.put("durationMs", durationMs);
        }
        assertThat(owner.api().patch("/api/v1/shots/" + shot, body).status()).isEqualTo(200);
    }

    private void duration(Studio.Person owner, String shot, int durationMs) {
        assertThat(owner.api()
                        .patch("/api/v1/shots/" + shot, Map.of("durationMs", durationMs))
                        .status())
                .isEqualTo(200);
    }
}
