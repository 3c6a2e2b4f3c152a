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
        page.keyboard().press("t");
        assertThat(page.locator(".player")).hasClass(java.util.regex.Pattern.compile("\\bno-captions\\b"));
        assertThat(page.locator("[data-captions]")).hasAttribute("aria-pressed", "false");
        page.keyboard().press("t");
        assertThat(page.locator(".player")).not().hasClass(java.util.regex.Pattern.compile("\\bno-captions\\b"));
        page.keyboard().press("l");
        assertThat(page.locator(".player")).hasClass(java.util.regex.Pattern.compile("\\bplaying\\b"));
        page.keyboard().press("j"); // five seconds back: here the film's start
        page.keyboard().press("k");
        assertThat(page.locator(".caption-title")).hasText("Зерно");

        page.navigate("/projects/" + project + "/play?from=" + card);
        page.waitForFunction("() => window.kadrPlayer && window.kadrPlayer.state.ended");
        assertThat(log(page)).extracting(entry -> entry.get("shot")).containsExactly(card, cup);
        assertThat(log(page).get(1).get("preloaded")).isEqualTo(true);
    }

    /**
     * Three videos with sound, each as long as its shot, play by themselves one into the next. A probe put into the
     * page before the player starts watches the two slots from outside: every frame Chromium presents
     * (requestVideoFrameCallback), every cut, every «waiting» or «stalled». Gapless then means, in the page's own
     * time: the next video had future data buffered before its cut and was playing at it, nothing waited, the screen
     * never lost its picture, from the last frame of one shot to the first new frame of the next no longer passed
     * than the two frames themselves last, give or take two frame intervals, and the next video, set going just
     * before its cut, lost no more than a frame of its start.
     */
    @Test
    void threeVideosPlayOneIntoTheNextWithoutAGap() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Прибой");
        List<String> shots = List.of(
                studio.newShot(owner, project, "Волна"),
                studio.newShot(owner, project, "Пена"),
                studio.newShot(owner, project, "Берег"));
        for (String shot : shots) {
            headliner(owner, shot, "волна.mp4", Samples.video("mp4", 2), null);
        }

        Page page = browser.signedIn(studio, owner);
        page.addInitScript(PROBE);
        page.navigate("/projects/" + project + "/play");
        page.waitForFunction("() => window.kadrPlayer && window.kadrPlayer.state.ended");

        assertThat(log(page)).extracting(entry -> entry.get("shot")).containsExactlyElementsOf(shots);
        assertThat(log(page)).extracting(entry -> entry.get("how")).containsExactly("start", "advance", "advance");
        assertThat(log(page).subList(0, 2))
                .as("each video played through with its sound")
                .allSatisfy(entry -> {
                    assertThat(entry.get("sound")).isEqualTo(true);
                    assertThat(((Number) entry.get("playedMs")).intValue()).isGreaterThanOrEqualTo(1_900);
                });

        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) page.evaluate("() => window.kadrProbe.report()");
        assertThat(probe.get("waits"))
                .as("no video waited or stalled once the film was playing")
                .isEqualTo(List.of());
        assertThat(probe.get("blank")).as("frames shown without a picture").isEqualTo(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cuts = (List<Map<String, Object>>) probe.get("cuts");
        assertThat(cuts).hasSize(2).allSatisfy(cut -> {
            assertThat(number(cut, "readyBefore"))
                    .as("the next video had future data before its cut: %s", cut)
                    .isGreaterThanOrEqualTo(3);
            assertThat(number(cut, "readyAt"))
                    .as("and still had it once on screen: %s", cut)
                    .isGreaterThanOrEqualTo(3);
            assertThat(cut.get("pausedAt"))
                    .as("it was set playing at the cut: %s", cut)
                    .isEqualTo(false);
            assertThat(number(cut, "stillMs") - number(cut, "contentMs"))
                    .as("the picture stood still no longer than its frames last, within two frames: %s", cut)
                    .isLessThanOrEqualTo(2 * number(cut, "frameMs"));
            assertThat(number(cut, "skippedMs"))
                    .as("set going just before its cut, the next video lost no more than a frame of its start: %s", cut)
                    .isLessThanOrEqualTo(number(cut, "frameMs"));
        });
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /**
     * Watches the player's two slots from outside: the frames each video presents, the readiness of the hidden one
     * on every animation frame, each cut (a slot coming on) and every «waiting» or «stalled»; {@code report()} sums
     * them up per cut, all in the page's clock.
     */
    private static final String PROBE = """
            (() => {
              const probe = { frames: [], cuts: [], waits: [], blank: 0, started: false, hidden: null };
              window.kadrProbe = probe;
              document.addEventListener('readystatechange', () => {
                if (document.readyState !== 'interactive') return;
                const slots = [...document.querySelectorAll('[data-slot]')];
                const durations = [...document.querySelectorAll('.reel li')].map((li) => Number(li.dataset.durationMs));
                slots.forEach((el, slot) => {
                  const video = el.querySelector('video');
                  const onFrame = (now, meta) => {
                    probe.frames.push({ src: video.src, at: meta.expectedDisplayTime, media: meta.mediaTime });
                    video.requestVideoFrameCallback(onFrame);
                  };
                  video.requestVideoFrameCallback(onFrame);
                  video.addEventListener('playing', () => { probe.started = true; });
                  for (const type of ['waiting', 'stalled']) {
                    video.addEventListener(type, () => {
                      if (probe.started) probe.waits.push({ type, slot, src: video.src });
                    });
                  }
                  new MutationObserver(() => {
                    const on = el.classList.contains('on');
                    if (on === Boolean(el.kadrOn)) return;
                    el.kadrOn = on;
                    if (!on) return;
                    const before = probe.hidden && probe.hidden.slot === slot ? probe.hidden.readyState : -1;
                    probe.cuts.push({ at: performance.now(), src: video.src, duration: durations[probe.cuts.length],
                      readyBefore: before, readyAt: video.readyState, pausedAt: video.paused });
                  }).observe(el, { attributes: true, attributeFilter: ['class'] });
                });
                const sample = () => {
                  requestAnimationFrame(sample);
                  const off = slots.findIndex((el) => !el.classList.contains('on'));
                  if (off >= 0) probe.hidden = { slot: off, readyState: slots[off].querySelector('video').readyState };
                  const on = slots.find((el) => el.classList.contains('on'));
                  if (probe.started && on && on.querySelector('video').readyState < 2) probe.blank++;
                };
                requestAnimationFrame(sample);
              });
              probe.report = () => {
                const of = (src) => probe.frames.filter((f) => f.src === src);
                const cuts = probe.cuts.slice(1).map((cut, i) => {
                  const leaving = probe.cuts[i];
                  const last = of(leaving.src).filter((f) => f.at <= cut.at).at(-1);
                  const before = of(cut.src).filter((f) => f.at <= cut.at);
                  const shown = before.length ? before.at(-1).media : 0;
                  const moved = of(cut.src).find((f) => f.at > cut.at && f.media > shown);
                  const steps = of(leaving.src).slice(1).map((f, j) => f.media - of(leaving.src)[j].media)
                    .filter((step) => step > 0);
                  return { readyBefore: cut.readyBefore, readyAt: cut.readyAt, pausedAt: cut.pausedAt,
                    stillMs: moved.at - last.at,
                    contentMs: leaving.duration - last.media * 1000 + (moved.media - shown) * 1000,
                    skippedMs: shown * 1000,
                    frameMs: Math.min(...steps) * 1000,
                    lastToCut: cut.at - last.at, cutToMoving: moved.at - cut.at };
                });
                return { cuts, waits: probe.waits, blank: probe.blank };
              };
            })();
            """;

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
