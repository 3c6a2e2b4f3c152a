package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Unread comments are hard to miss (issue 14, item 6): a count in the navigation and on each project card, a way
 * from the navigation to the inbox with the newest unread, and an inbox that filters by project and version.
 */
@KadrTest
class AttentionTests {

    @Autowired
    Studio studio;

    @Test
    void unreadCountsReachTheNavigationAndTheProjectCardsAndTheInboxFiltersByVersion() {
        Studio.Person owner = studio.newPerson();
        String quiet = studio.newProject(owner, "Тихий");
        String busy = studio.newProject(owner, "Шумный");
        String shot = studio.newShot(owner, busy, "Кухня");
        JsonNode link = Sharing.newLink(owner, busy);
        String token = link.path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        for (String text : new String[] {"Свет теплее", "Камеру ниже"}) {
            PublicClient.Answer posted = client.post(
                    "/api/v1/public/" + token + "/comments",
                    Map.of("shotRef", shot, "authorName", "Ирина", "text", text));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }

        String badges = owner.api().get("/inbox/badges").text();
        assertThat(badges)
                .contains("id=\"nav-inbox\"", "<span class=\"badge unread-badge\">2</span>")
                .contains("id=\"unread-" + busy + "\"", "новых: 2")
                .doesNotContain("unread-" + quiet);
        assertThat(owner.api().get("/").text()).contains("id=\"unread-" + busy + "\"", "hx-get=\"/inbox/badges\"");
        Api.Response attention = owner.api().get("/inbox");
        assertThat(attention.status()).isEqualTo(302);
        assertThat(attention.headers().getLocation().toString()).endsWith("/projects/" + busy + "/inbox?unread=true");
        // Someone else's studio counts nothing of this owner's.
        Studio.Person stranger = studio.newPerson();
        assertThat(stranger.api().get("/inbox/badges").text())
                .contains("hidden")
                .doesNotContain("unread-" + busy);
        assertThat(stranger.api().get("/inbox").headers().getLocation().toString())
                .endsWith("/");

        // A second version is published; what the client writes on it is what its filter shows.
        Api.Response published =
                owner.api().post("/api/v1/share-links/" + link.path("id").asString() + "/versions", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        int version = published.json().path("version").asInt();
        client.post(
                "/api/v1/public/" + token + "/comments",
                Map.of("shotRef", shot, "authorName", "Ирина", "text", "Теперь лучше"));
        String filtered = owner.api()
                .get("/projects/" + busy + "/inbox?version=" + version)
                .text();
        assertThat(filtered).contains("Теперь лучше").doesNotContain("Свет теплее");
        assertThat(owner.api().get("/projects/" + busy + "/inbox").text()).contains("Теперь лучше", "Свет теплее");
        assertThat(owner.api().get("/projects/" + busy + "/inbox?version=99").status())
                .isEqualTo(400);

        owner.api().post("/api/v1/projects/" + busy + "/comments/read", null);
        assertThat(owner.api().get("/inbox/badges").text()).doesNotContain("unread-" + busy);
    }
}
