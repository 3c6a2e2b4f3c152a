package app.kadr.film;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's player page over HTTP: the reel it plays, where it starts, and nobody else's project. */
@KadrTest
@VendorNeutral
class PlayerPageTests {

    @Autowired
    Studio studio;

    @Test
    void thePlayerHoldsTheShotsInOrderWithTheirRunningTimesAndFilesAndStartsWhereAsked() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Утро");
        String sky = studio.newShot(owner, project, "Небо");
        String empty = studio.newShot(owner, project, "Пустой <шот>");
        String take = studio.upload(owner, sky, new Api.NamedBytes("небо.jpg", Samples.jpeg(640, 360)))
                .getFirst();
        studio.awaitProcessed(owner, take);
        owner.api().patch("/api/v1/shots/" + sky, Map.of("headlinerAssetId", take, "durationMs", 1_500));

        Document page = page(owner, "/projects/" + project + "/play?from=" + empty);
        assertThat(page.select(".reel li").eachText()).containsExactly("Небо", "Пустой <шот>");
        assertThat(page.select(".reel li").eachAttr("data-kind")).containsExactly("still", "card");
        assertThat(page.select(".reel li").eachAttr("data-duration-ms")).containsExactly("1500", "3000");
        assertThat(page.selectFirst(".reel li").attr("data-src"))
                .startsWith("/api/v1/assets/" + take + "/content/preview");
        assertThat(page.select(".scrubber .segment")).hasSize(2);
        assertThat(page.selectFirst("#player").attr("data-from")).isEqualTo(empty);
        assertThat(page.selectFirst(".back").attr("href")).isEqualTo("/projects/" + project);
        assertThat(page.title()).isEqualTo("Утро · просмотр");

        assertThat(page(owner, "/projects/" + project + "/play?from=не-шот")
                        .selectFirst("#player")
                        .attr("data-from"))
                .as("a start that names no shot plays from the beginning")
                .isEmpty();
        assertThat(page(owner, "/projects/" + project).select("#watch-film").attr("href"))
                .isEqualTo("/projects/" + project + "/play");
        assertThat(page(owner, "/projects/" + project)
                        .select("#box-" + empty + " .watch")
                        .attr("href"))
                .isEqualTo("/projects/" + project + "/play?from=" + empty);
    }

    @Test
    void anotherPersonsProjectIsNotFound() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Чужое");
        studio.newShot(owner, project, "Секрет");
        Studio.Person stranger = studio.newPerson();

        Api.Response answer = stranger.api().get("/projects/" + project + "/play", Map.of("Accept", "text/html"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).doesNotContain("Секрет", "Чужое");
    }

    private static Document page(Studio.Person person, String path) {
        Api.Response answer = person.api().get(path, Map.of("Accept", "text/html"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return Jsoup.parse(answer.text());
    }
}
