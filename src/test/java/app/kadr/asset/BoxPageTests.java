package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The box's feed as the server renders it: «Дубль N», its order, its filters and each card's badges. */
@KadrTest
class BoxPageTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    Studio.Person person;
    String shot;
    List<String> takes;

    /** Three takes uploaded one after another, so that the order they were made in is certain. */
    @BeforeEach
    void aShotWithThreeTakes() {
        person = studio.newPerson();
        shot = studio.newShot(person, studio.newProject(person, "Дубли"), "Шот");
        takes = List.of(
                upload("первый.jpg", 1600, 900), upload("второй.jpg", 900, 1600), upload("третий.jpg", 1200, 1200));
        takes.forEach(id -> studio.awaitProcessed(person, id));
    }

    private String upload(String name, int width, int height) {
        return studio.upload(person, shot, new Api.NamedBytes(name, Samples.jpeg(width, height)))
                .getFirst();
    }

    private Document page(String path) {
        Api.Response response = person.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }

    @Test
    void takesAreNumberedInTheOrderTheyWereMadeAndKeepTheirNumberAfterAnEarlierOneIsTrashed() {
        assertThat(page("/shots/" + shot + "/feed").select(".card .take-name").eachText())
                .containsExactly("Дубль 3", "Дубль 2", "Дубль 1");

        assertThat(person.api().delete("/api/v1/assets/" + takes.getFirst()).status())
                .isEqualTo(204);

        assertThat(page("/shots/" + shot + "/feed").select(".card .take-name").eachText())
                .containsExactly("Дубль 3", "Дубль 2");
        assertThat(page("/shots/" + shot + "/feed?sort=oldest")
                        .select(".card .take-name")
                        .eachText())
                .containsExactly("Дубль 2", "Дубль 3");
        assertThat(page("/assets/" + takes.get(2) + "/card")
                        .selectFirst(".take-name")
                        .text())
                .isEqualTo("Дубль 3");
    }

    @Test
    void aCardShowsItsMediaAtItsOwnShapeWithItsBadgesAndAMenuForTheRest() {
        Document box = page("/shots/" + shot);

        var tall = box.selectFirst("#asset-" + takes.get(1));
        assertThat(tall.attr("style")).isEqualTo("--ar: 0.5625");
        assertThat(tall.selectFirst(".card-media").attr("aria-label")).isEqualTo("Открыть «Дубль 2»");
        assertThat(tall.selectFirst(".badge-chip.origin").attr("title")).isEqualTo("Загружено");
        assertThat(tall.select(".card-tools > button").eachAttr("aria-label"))
                .contains("В избранное", "Сделать хедлайнером (H)", "Оживить (A)");
        assertThat(tall.select(".card-menu [role=menuitem]"))
                .as("the menu's items load when it is opened")
                .isEmpty();
        Document menu = page(tall.selectFirst(".card-menu .menu-list").attr("data-menu"));
        assertThat(menu.select("[role=menuitem]").eachText())
                .contains("История", "Скачать оригинал", "В корзину (Del)");
        assertThat(menu.selectFirst(".file-name").text()).isEqualTo("второй.jpg");

        assertThat(box.select(".segmented a").eachText()).containsExactly("Все", "Изображения", "Видео", "Звук", "★");
        assertThat(page("/shots/" + shot + "?kind=video").select("#feed .card")).isEmpty();
        assertThat(box.selectFirst("#feed").attr("data-sort")).isEqualTo("newest");
    }

    @Test
    void theStarFilterShowsOnlyTheStarredTakesWithTheirOwnNumbers() {
        assertThat(person.api()
                        .put("/api/v1/assets/" + takes.get(1) + "/favourite", Map.of())
                        .status())
                .isLessThan(300);

        assertThat(page("/shots/" + shot + "?kind=favourite")
                        .select("#feed .card .take-name")
                        .eachText())
                .containsExactly("Дубль 2");
        assertThat(page("/shots/" + shot + "/feed?kind=favourite&sort=oldest")
                        .select(".card .take-name")
                        .eachText())
                .containsExactly("Дубль 2");
    }

    @Test
    void aLongFeedShowsAFirstPageThenTheRestThroughTheCursorInEitherOrderAndWithAKindFilter() {
        int videos = studio.olderTakes(shot, 57);

        List<String> newest = walk("/shots/" + shot);
        assertThat(newest).hasSize(60).doesNotHaveDuplicates();
        assertThat(newest).containsExactlyElementsOf(names(60, 1));
        assertThat(walk("/shots/" + shot + "?sort=oldest")).containsExactlyElementsOf(names(1, 60));

        Document onlyVideos = page("/shots/" + shot + "?kind=video");
        assertThat(onlyVideos.select("#feed > .more")).isEmpty();
        List<String> videoNames = walk("/shots/" + shot + "?kind=video&sort=oldest");
        assertThat(videoNames).hasSize(videos).doesNotHaveDuplicates().isSubsetOf(newest);
        assertThat(videoNames.stream().map(BoxPageTests::number).toList()).isSorted();

        // A refresh after a live event keeps every take already scrolled to, and then needs no sentinel.
        Document refreshed = page("/shots/" + shot + "/feed?limit=60");
        assertThat(refreshed.select(".card .take-name").eachText()).containsExactlyElementsOf(names(60, 1));
        assertThat(refreshed.select(".more")).isEmpty();
        assertThat(person.api()
                        .get("/shots/" + shot + "/feed?cursor=%25%25", HTML)
                        .status())
                .isEqualTo(400);
    }

    /** Every take's name, page by page: the box's first page, then each sentinel's address until there is none. */
    private List<String> walk(String box) {
        Document page = page(box);
        assertThat(page.select("#feed > .card")).as("the first page of " + box).hasSizeLessThanOrEqualTo(48);
        List<String> names =
                new ArrayList<>(page.select("#feed > .card .take-name").eachText());
        Element more = page.selectFirst("#feed > .more");
        while (more != null) {
            assertThat(more.attr("hx-trigger")).isEqualTo("intersect once");
            page = page(more.attr("hx-get"));
            assertThat(page.select("#feed"))
                    .as("a next page is cards, not a second feed")
                    .isEmpty();
            names.addAll(page.select(".card .take-name").eachText());
            more = page.selectFirst(".more");
        }
        return names;
    }

    private static List<String> names(int from, int to) {
        int step = from <= to ? 1 : -1;
        return IntStream.iterate(from, n -> n != to + step, n -> n + step)
                .mapToObj(n -> "Дубль " + n)
                .toList();
    }

    private static int number(String name) {
        return Integer.parseInt(name.substring("Дубль ".length()));
    }
}
