package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
                .contains("Избранное", "Сделать хедлайнером (H)", "Оживить (A)");
        assertThat(tall.select(".card-menu [role=menuitem]").eachText())
                .contains("История", "Скачать оригинал", "В корзину (Del)");
        assertThat(tall.selectFirst(".card-menu .file-name").text()).isEqualTo("второй.jpg");

        assertThat(box.select(".segmented a").eachText()).containsExactly("Все", "Изображения", "Видео");
        assertThat(page("/shots/" + shot + "?kind=video").select("#feed .card")).isEmpty();
        assertThat(box.selectFirst("#feed").attr("data-sort")).isEqualTo("newest");
    }
}
