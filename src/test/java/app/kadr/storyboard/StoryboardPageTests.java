package app.kadr.storyboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The storyboard grid as HTML: what each box shows, and that its cached rendering never goes stale. */
@KadrTest
class StoryboardPageTests {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final UUID PROJECT = UUID.randomUUID();
    private static final String LONG_TITLE = "Рассвет над рекой: общий план с моста, туман уходит вверх по течению";

    @Autowired
    Studio studio;

    @Autowired
    BoxHtml boxes;

    @Test
    void everyBoxShowsItsStatusAndItsFullTitleAndFollowsEveryEdit() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Река");
        String shot = studio.newShot(person, project, LONG_TITLE);
        studio.newShot(person, project, "Мост");

        Element box = box(person, project, shot);
        assertThat(box.attr("data-status")).isEqualTo("draft");
        assertThat(box.selectFirst(".box-status").text()).isEqualTo("Черновик");
        assertThat(box.selectFirst(".box-title").attr("title")).isEqualTo(LONG_TITLE);
        assertThat(box.selectFirst(".box-media img")).isNull();

        person.api().patch("/api/v1/shots/" + shot, Map.of("title", "Река в тумане", "status", "in_progress"));
        box = box(person, project, shot);
        assertThat(box.selectFirst(".box-title").text()).isEqualTo("Река в тумане");
        assertThat(box.selectFirst(".box-status").text()).isEqualTo("В работе");
        assertThat(box.attr("data-status")).isEqualTo("in_progress");

        String take = studio.upload(person, shot, new Api.NamedBytes("река.jpg", Samples.jpeg(640, 360)))
                .getFirst();
        studio.awaitProcessed(person, take);
        assertThat(box(person, project, shot).selectFirst(".box-count").text()).isEqualTo("1");
        person.api().patch("/api/v1/shots/" + shot, Map.of("headlinerAssetId", take));
        assertThat(box(person, project, shot).selectFirst(".box-media img").attr("src"))
                .startsWith("/api/v1/assets/" + take + "/content/thumb");

        person.api()
                .post("/api/v1/projects/" + project + "/shots/move", Map.of("shotIds", List.of(shot), "position", 2));
        assertThat(box(person, project, shot).selectFirst(".box-number").text()).isEqualTo("2");
    }

    @Test
    void aBoxIsRenderedOnceForTheSameShotAndAgainForAnyChange() {
        UUID id = UUID.randomUUID();
        Shot shot = shot(id, "Лес", "draft", null, 0, 3_000);

        String first = boxes.of(shot, "0:03", RUSSIAN);
        assertThat(boxes.of(shot, "0:03", RUSSIAN)).isSameAs(first);
        assertThat(boxes.of(shot(id, "Лес", "draft", null, 0, 3_000), "0:03", RUSSIAN))
                .as("an equal shot read again from the database")
                .isSameAs(first);

        assertThat(boxes.of(shot(id, "Поле", "draft", null, 0, 3_000), "0:03", RUSSIAN))
                .contains("Поле")
                .doesNotContain("Лес");
        assertThat(boxes.of(shot(id, "Лес", "done", null, 0, 3_000), "0:03", RUSSIAN))
                .contains("Готово");
        assertThat(boxes.of(shot(id, "Лес", "draft", null, 2, 3_000), "0:03", RUSSIAN))
                .contains("box-unread");
        assertThat(boxes.of(shot, "0:09", RUSSIAN))
                .as("a shot that starts later on the film")
                .contains("0:09")
                .doesNotContain("0:03");
        assertThat(boxes.of(shot(id, "Лес", "draft", null, 0, 7_500), "0:03", RUSSIAN))
                .isNotEqualTo(first);
        Headliner still = new Headliner(
                UUID.randomUUID(), "image", "ready", 640, 360, null, null, Map.of("thumb", "/thumb?v=aaaa"));
        Headliner redone =
                new Headliner(still.id(), "image", "ready", 640, 360, null, null, Map.of("thumb", "/thumb?v=bbbb"));
        assertThat(boxes.of(shot(id, "Лес", "draft", still, 0, 3_000), "0:03", RUSSIAN))
                .contains("/thumb?v=aaaa");
        assertThat(boxes.of(shot(id, "Лес", "draft", redone, 0, 3_000), "0:03", RUSSIAN))
                .as("a rebuilt thumbnail has a new file version")
                .contains("/thumb?v=bbbb")
                .doesNotContain("v=aaaa");
    }

    private static Shot shot(UUID id, String title, String status, Headliner headliner, long unread, long durationMs) {
        return new Shot(id, PROJECT, 3, title, "", status, headliner, 1, unread, unread, durationMs, false);
    }

    @Test
    void theSelectionOffersTheOwnersOtherProjectsOnly() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Река");
        String winter = studio.newProject(person, "Зима");
        studio.newProject(studio.newPerson(), "Чужой проект");

        Document html = Jsoup.parse(person.api()
                .get("/projects/" + project, Map.of("Accept", "text/html"))
                .text());

        Element chooser = html.selectFirst("#selection-actions select[data-selection-project]");
        assertThat(chooser).isNotNull();
        assertThat(chooser.attr("title")).isEqualTo("Перенести в проект…");
        assertThat(chooser.select("option[value]:not([value=''])").eachAttr("value"))
                .containsExactly(winter);
        assertThat(chooser.text()).contains("Зима").doesNotContain("Река").doesNotContain("Чужой");
    }

    private static Element box(Studio.Person person, String project, String shot) {
        Api.Response page = person.api().get("/projects/" + project, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        Document html = Jsoup.parse(page.text());
        Element box = html.getElementById("box-" + shot);
        assertThat(box).as("box of " + shot).isNotNull();
        return box;
    }
}
