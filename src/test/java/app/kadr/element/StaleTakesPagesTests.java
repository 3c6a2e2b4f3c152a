package app.kadr.element;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * «Устарело» where people look: editing @Аня marks exactly the box cards of takes made with her old version, the
 * box's filter shows only those, the element page counts them and offers «Перегенерировать устаревшие», whose
 * dialog names the shots, the number of takes and the estimated cost before anything runs.
 */
@KadrTest
class StaleTakesPagesTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    @Test
    void editingAnyaMarksExactlyHerOldTakesInTheBoxAndTheDialogPricesThemBeforeRunning() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Маяк");
        String shot = studio.newShot(person, project, "Берег");
        String portrait = studio.upload(person, shot, new Api.NamedBytes("anya.png", Samples.png(64, 48)))
                .getFirst();
        String anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of(
                                "kind", "character",
                                "handle", "Аня",
                                "description", "рыжие волосы",
                                "referenceAssetIds", List.of(portrait)))
                .id();
        person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "location", "handle", "Маяк", "description", "старый маяк"));
        String draft = studio.localModel(person, "local/draft");
        String oldAnya = studio.generate(person, shot, Map.of("modelId", draft, "prompt", "@Аня на берегу"));
        String mayak = studio.generate(person, shot, Map.of("modelId", draft, "prompt", "@Маяк в тумане"));
        assertThat(page(person, "/shots/" + shot).select(".badge-chip.stale"))
                .as("nothing is stale before an edit")
                .isEmpty();

        person.api().patch("/api/v1/elements/" + anya, Map.of("description", "короткая стрижка"));
        String newAnya = studio.generate(person, shot, Map.of("modelId", draft, "prompt", "@Аня у @Маяк"));

        Document box = page(person, "/shots/" + shot);
        assertThat(box.select("#asset-" + oldAnya + " .badge-chip.stale").text())
                .isEqualTo("Устарело");
        for (String fresh : List.of(mayak, newAnya, portrait)) {
            assertThat(box.select("#asset-" + fresh + " .badge-chip.stale"))
                    .as(fresh)
                    .isEmpty();
        }
        Document filtered = page(person, "/shots/" + shot + "?kind=stale");
        assertThat(filtered.select("#feed .card").eachAttr("data-asset-id")).containsExactly(oldAnya);
        assertThat(filtered.select(".filters a.active").text()).isEqualTo("Устаревшие");

        Document library = page(person, "/projects/" + project + "/elements");
        assertThat(library.select("[data-handle=Аня] .element-stale").text()).isEqualTo("Устарело: 1");
        assertThat(library.select("[data-handle=Маяк] .element-stale")).isEmpty();
        assertThat(library.selectFirst("#regenerate-stale").attr("data-url"))
                .isEqualTo("/projects/" + project + "/stale/dialog");

        Document dialog = page(person, "/projects/" + project + "/stale/dialog");
        assertThat(dialog.select(".stale-shots li a").text()).isEqualTo("Берег");
        assertThat(dialog.select(".stale-shots li a").attr("href")).isEqualTo("/shots/" + shot + "?kind=stale");
        assertThat(dialog.text()).contains("Генераций: 1, дублей: 1, оценка стоимости: $0.00");
        assertThat(dialog.select("form").attr("hx-post")).isEqualTo("/projects/" + project + "/stale/regenerate");
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .as("the dialog is a dry run")
                .hasSize(3);
    }

    private static Document page(Studio.Person person, String path) {
        Api.Response response = person.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }
}
