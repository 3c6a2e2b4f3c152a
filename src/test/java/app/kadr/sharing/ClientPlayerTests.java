package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The player on a client's link: the same film as the owner's, played from the files the client's page shows, with
 * the running times of the published version, and nothing technical.
 */
@KadrTest
class ClientPlayerTests {

    @Autowired
    Studio studio;

    @Test
    void aClientLinkPlaysThePublishedVersionWithItsTimingFromReEncodedFilesOnly() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Ролик для пекарни");
        String bread = studio.newShot(owner, project, "Хлеб");
        String oven = studio.newShot(owner, project, "Печь");
        String still = Sharing.headliner(studio, owner, bread, "хлеб-исходник.png", Sharing.png());
        String clip = Sharing.headliner(studio, owner, oven, "печь-исходник.mp4", Samples.video("mp4", 1));
        owner.api().patch("/api/v1/shots/" + bread, Map.of("durationMs", 2_500));
        String token = Sharing.newLink(owner, project).path("token").asString();
        Map<String, Object> later = new HashMap<>();
        later.put("durationMs", 7_000);
        owner.api().patch("/api/v1/shots/" + bread, later);
        studio.newShot(owner, project, "Витрина");

        PublicClient client = new PublicClient(studio.baseUrl());
        PublicClient.Answer answer = client.get("/s/" + token + "/play?from=" + oven);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("Cache-Control")).contains("no-store");
        String text = answer.text();
        Document page = Jsoup.parse(text);
        assertThat(page.select(".reel li").eachText())
                .as("the published version, not the shot added since")
                .containsExactly("Хлеб", "Печь");
        assertThat(page.select(".reel li").eachAttr("data-kind")).containsExactly("still", "video");
        assertThat(page.select(".reel li").get(0).attr("data-duration-ms"))
                .as("the running time set when the version was published")
                .isEqualTo("2500");
        assertThat(Long.parseLong(page.select(".reel li").get(1).attr("data-duration-ms")))
                .as("a video's own length")
                .isBetween(900L, 1_100L);
        assertThat(page.selectFirst("#player").attr("data-from")).isEqualTo(oven);
        assertThat(page.selectFirst(".back").attr("href")).isEqualTo("/s/" + token);
        for (String attribute : new String[] {"data-src", "data-poster"}) {
            for (String url : page.select(".reel li[" + attribute + "]").eachAttr(attribute)) {
                assertThat(url).startsWith("/api/v1/public/" + token + "/media/");
                assertThat(client.get(url).status()).as(url).isEqualTo(200);
            }
        }
        assertThat(text).doesNotContain(still, clip, "исходник", "original", "/api/v1/assets/", "/projects/");

        Document clientPage = Jsoup.parse(new String(client.get("/s/" + token).bytes(), StandardCharsets.UTF_8));
        assertThat(clientPage.selectFirst(".client-watch a").attr("href")).isEqualTo("/s/" + token + "/play");
        assertThat(client.get("/s/" + token + "x/play").status()).isEqualTo(404);
    }
}
