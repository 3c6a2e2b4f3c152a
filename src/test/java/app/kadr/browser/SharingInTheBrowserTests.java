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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner shares a storyboard; a client with a fresh browser comments; the owner sees it and answers. */
@KadrTest
@Tag("browser")
class SharingInTheBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void aClientOpensTheLinkWithoutAnAccountCommentsAndTheOwnerSeesTheBadgeAndReplies() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Ролик для кофейни");
        String first = studio.newShot(owner, project, "Зерно");
        String second = studio.newShot(owner, project, "Чашка");
        String asset = studio.upload(owner, first, new Api.NamedBytes("зерно.jpg", Samples.jpeg(1280, 720)))
                .getFirst();
        studio.awaitProcessed(owner, asset);
        Map<String, Object> headliner = new HashMap<>();
        headliner.put("headlinerAssetId", asset);
        owner.api().patch("/api/v1/shots/" + first, headliner);
        String third = studio.newShot(owner, project, "Пар");
        String clip = studio.upload(owner, third, new Api.NamedBytes("пар.mp4", Samples.video("mp4", 2)))
                .getFirst();
        studio.awaitProcessed(owner, clip);
        headliner.put("headlinerAssetId", clip);
        owner.api().patch("/api/v1/shots/" + third, headliner);

        Page studioPage = browser.signedIn(studio, owner);
        studioPage.navigate("/projects/" + project);
        studioPage.locator("#sharing > summary").click();
        studioPage.getByText("Создать ссылку").click();
        Locator url = studioPage.locator(".share-link.fresh .share-url");
        assertThat(url).isVisible();
        // A path from the studio, made whole by the page with the address it is really at.
        assertThat(url).hasValue(Pattern.compile("^https?://[^/]+/s/[A-Za-z0-9_-]{43}$"));
        String link = url.inputValue();
        assertThat(link).startsWith(studio.baseUrl() + "/s/");
        Browser.screenshot(studioPage, "sharing-panel");

        Page client = browser.newPage(studio.baseUrl());
        client.setViewportSize(390, 844);
        assertThat(client.context().cookies()).isEmpty();
        client.navigate(link);
        assertThat(client.locator("h1")).hasText("Ролик для кофейни");
        Locator shots = client.locator(".client-shot");
        assertThat(shots).hasCount(3);
        client.waitForFunction("() => { const i = document.querySelector('.client-shot .frame img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        assertThat(shots.nth(1).locator(".frame.empty")).hasText("Кадр ещё в работе");
        shots.nth(0).locator(".frame").click();
        assertThat(client.locator("#viewer .stage img")).isVisible();
        client.locator("#viewer [data-close]").click();
        Browser.screenshot(client, "client-page-phone");
        shots.nth(2).locator(".frame").hover();
        client.waitForFunction("() => { const v = document.querySelectorAll('.client-shot')[2]"
                + ".querySelector('video.clip'); return v && !v.paused && v.currentTime > 0; }");
        shots.nth(2).locator(".frame").click();
        // The full-quality rendition may still be in the making: the view says so and swaps it in once it is there.
        assertThat(client.locator("#viewer .stage video"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        client.locator("#viewer [data-close]").click();

        Locator talk = shots.nth(1).locator(".talk");
        talk.getByText("Оставить комментарий").click();
        talk.getByLabel("Ваше имя").fill("Марина");
        talk.getByLabel("Комментарий").fill("Чашку ближе, <b>пожалуйста</b>");
        talk.getByText("Отправить").click();
        assertThat(talk.locator(".talk-item .what")).hasText("Чашку ближе, <b>пожалуйста</b>");

        Locator badge = studioPage.locator("#box-" + second + " .box-unread");
        assertThat(badge).hasText("1");
        assertThat(studioPage.locator("#box-" + first + " .box-unread")).hasCount(0);
        Browser.screenshot(studioPage, "storyboard-unread-badge");

        badge.click();
        studioPage.waitForURL("**/shots/" + second + "*");
        Locator comment = studioPage.locator("#shot-comments .comment");
        assertThat(comment).hasCount(1);
        assertThat(comment).hasClass(java.util.regex.Pattern.compile("unread"));
        assertThat(comment.locator(".comment-text")).hasText("Чашку ближе, <b>пожалуйста</b>");
        comment.getByText("Прочитано").click();
        assertThat(studioPage.locator("#shot-comments .comment.unread")).hasCount(0);
        studioPage.locator("#shot-comments .comment .reply-box > summary").click();
        studioPage.locator("#shot-comments .comment textarea[name=text]").fill("Сделаем крупнее");
        studioPage.locator("#shot-comments .comment form button[type=submit]").click();
        assertThat(studioPage.locator("#shot-comments .comment-reply")).containsText("Сделаем крупнее");
        Browser.screenshot(studioPage, "box-comments");

        studioPage.navigate("/projects/" + project);
        assertThat(studioPage.locator("#box-" + second)).isVisible();
        assertThat(studioPage.locator("#box-" + second + " .box-unread")).hasCount(0);

        client.reload();
        Locator reply = client.locator(".client-shot").nth(1).locator(".reply");
        assertThat(reply).containsText("Ответ автора");
        assertThat(reply).containsText("Сделаем крупнее");
        client.locator(".client-shot").nth(0).locator(".talk-new summary").click();
        assertThat(client.locator(".client-shot").nth(0).getByLabel("Ваше имя")).hasValue("Марина");
    }

    @Test
    void theOwnersRepliesAndDeletionsReachAnOpenClientPageAndNewCommentsReachTheOpenInbox() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Ролик для пекарни");
        studio.newShot(owner, project, "Тесто");
        studio.newShot(owner, project, "Печь");
        Api.Response created = owner.api().post("/api/v1/projects/" + project + "/share-links", Map.of());
        String link = created.json().path("url").asString();

        Page inbox = browser.signedIn(studio, owner);
        inbox.navigate("/projects/" + project + "/inbox");
        assertThat(inbox.locator("#inbox-comments .empty")).isVisible();
        Page storyboard = inbox.context().newPage();
        storyboard.navigate("/projects/" + project);
        storyboard.locator("#sharing > summary").click();
        assertThat(storyboard.locator("#inbox-link")).isVisible();
        assertThat(storyboard.locator("#inbox-link .unread-badge")).hasCount(0);

        Page client = browser.newPage(studio.baseUrl());
        client.clock().install();
        client.navigate(link);
        Locator shots = client.locator(".client-shot");
        Locator dough = shots.nth(0).locator(".talk");
        dough.getByText("Оставить комментарий").click();
        dough.getByLabel("Ваше имя").fill("Олег");
        dough.getByLabel("Комментарий").fill("Тесто пышнее");
        dough.getByText("Отправить").click();
        assertThat(dough.locator(".talk-item .what")).hasText("Тесто пышнее");

        Locator comment = inbox.locator("#inbox-comments .comment");
        assertThat(comment).hasCount(1);
        assertThat(comment.locator(".comment-text")).hasText("Тесто пышнее");
        assertThat(comment).hasClass(java.util.regex.Pattern.compile("unread"));
        assertThat(storyboard.locator("#inbox-link .unread-badge")).hasText("новых: 1");

        Locator oven = shots.nth(1).locator(".talk");
        oven.getByText("Оставить комментарий").click();
        oven.getByLabel("Комментарий").fill("Ещё пишу…");
        comment.locator(".reply-box > summary").click();
        comment.locator("textarea[name=text]").fill("Сделаем пышнее");
        comment.locator("form button[type=submit]").click();
        assertThat(inbox.locator("#inbox-comments .comment-reply")).containsText("Сделаем пышнее");
        assertThat(storyboard.locator("#inbox-link .unread-badge")).hasCount(0);

        client.clock().runFor(21_000);
        Locator reply = dough.locator(".talk-item .reply");
        assertThat(reply).containsText("Ответ автора");
        assertThat(reply).containsText("Сделаем пышнее");
        assertThat(oven.getByLabel("Комментарий")).hasValue("Ещё пишу…");
        Browser.screenshot(client, "client-sees-reply-live");

        inbox.onDialog(dialog -> dialog.accept());
        inbox.locator("#inbox-comments .comment").getByText("Удалить").click();
        assertThat(inbox.locator("#inbox-comments .comment")).hasCount(0);
        client.clock().runFor(21_000);
        assertThat(dough.locator(".talk-item")).hasCount(0);
        assertThat(oven.getByLabel("Комментарий")).hasValue("Ещё пишу…");
    }

    @Test
    void theOwnerPublishesANewVersionFromThePanelAndTheClientSeesWhatChanged() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Ролик для чайной");
        String leaf = studio.newShot(owner, project, "Лист");
        studio.newShot(owner, project, "Чайник");
        String link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json()
                .path("url")
                .asString();
        owner.api().patch("/api/v1/shots/" + leaf, Map.of("title", "Лист крупно"));
        studio.newShot(owner, project, "Пиала");

        Page client = browser.newPage(studio.baseUrl());
        client.navigate(link);
        assertThat(client.locator(".client-version")).hasText(Pattern.compile("^Версия 1 · \\d{1,2} [а-я]+$"));
        assertThat(client.locator(".client-shot .shot-title")).hasText(new String[] {"Лист", "Чайник"});

        Page studioPage = browser.signedIn(studio, owner);
        studioPage.setViewportSize(1440, 900);
        studioPage.navigate("/projects/" + project);
        studioPage.locator("#sharing > summary").click();
        studioPage.locator(".share-link .publish").click();
        assertThat(studioPage.locator("#sharing-panel .notice")).containsText("Опубликована версия 2");
        assertThat(studioPage.locator(".share-shown select")).hasValue("2");
        Browser.screenshot(studioPage, "sharing-panel-versions");

        client.setViewportSize(1440, 900);
        client.reload();
        assertThat(client.locator(".client-version")).containsText("Версия 2");
        assertThat(client.locator(".client-shot .shot-title")).hasText(new String[] {"Лист крупно", "Чайник", "Пиала"});
        assertThat(client.locator(".client-shot .change")).hasText(new String[] {"Изменён", "Новый"});
        Browser.screenshot(client, "client-version-desktop");
        client.setViewportSize(390, 844);
        assertThat((Boolean) client.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        Browser.screenshot(client, "client-version-phone");

        studioPage.waitForResponse(
                answer -> answer.url().endsWith("/shown") && answer.status() == 200,
                () -> studioPage.locator(".share-shown select").selectOption("1"));
        assertThat(studioPage.locator(".share-shown select")).hasValue("1");
        client.reload();
        assertThat(client.locator(".client-shot .shot-title")).hasText(new String[] {"Лист", "Чайник"});
    }
}
