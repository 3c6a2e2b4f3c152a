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
 * from the navigation to the inbox with the newest unread, and an inbox that filters by project, version and the
 * client's approval.
 */
@KadrTest
class AttentionTests {

    @Autowired
    Studio studio;

    @Test
    void theCommentsOfAShotMovedToAnotherProjectAreCountedAndListedThere() {
        Studio.Person owner = studio.newPerson();
        String from = studio.newProject(owner, "Откуда");
        String to = studio.newProject(owner, "Куда");
        String shot = studio.newShot(owner, from, "Кухня");
        String stays = studio.newShot(owner, from, "Прихожая");
        String token = Sharing.newLink(owner, from).path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        Sharing.comment(client, token, shot, "Свет теплее");
        Sharing.comment(client, token, stays, "Дверь открыта");

        Api.Response moved = owner.api()
                .post(
                        "/api/v1/projects/" + from + "/shots/transfer",
                        Map.of("shotIds", java.util.List.of(shot), "targetProjectId", to));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(owner.api().get("/inbox/badges").text())
                        .contains("id=\"unread-" + to + "\"")
                        .contains("id=\"unread-" + from + "\""));
        assertThat(owner.api()
                        .get("/projects/" + to + "/inbox", Map.of("Accept", "text/html"))
                        .text())
                .contains("Свет теплее")
                .doesNotContain("Дверь открыта");
        assertThat(owner.api()
                        .get("/projects/" + from + "/inbox", Map.of("Accept", "text/html"))
                        .text())
                .contains("Дверь открыта")
                .doesNotContain("Свет теплее");
    }

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

    @Test
    void theInboxFiltersByTheClientsApprovalTogetherWithUnreadAndVersion() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Сок");
        String dawn = studio.newShot(owner, project, "Рассвет");
        String city = studio.newShot(owner, project, "Город");
        String chase = studio.newShot(owner, project, "Погоня");
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        Sharing.comment(client, token, dawn, "Рассвет отличный");
        Sharing.comment(client, token, city, "Город мрачноват");
        Sharing.comment(client, token, chase, "Погоня длинная");
        Sharing.answer(client, token, dawn, "approved", null);
        Sharing.answer(client, token, city, "changes", "Светлее");

        assertThat(inbox(owner, project, "approval=approved"))
                .contains("Рассвет отличный")
                .doesNotContain("Город мрачноват", "Погоня длинная");
        assertThat(inbox(owner, project, "approval=changes"))
                .contains("Город мрачноват")
                .doesNotContain("Рассвет отличный", "Погоня длинная");
        assertThat(inbox(owner, project, "approval=none"))
                .as("a shot the client has not answered on")
                .contains("Погоня длинная")
                .doesNotContain("Рассвет отличный", "Город мрачноват");
        String chips = inbox(owner, project, "unread=true&version=1&approval=changes");
        assertThat(chips)
                .as("the chips keep the other filters, and the pressed one lets go")
                .contains("href=\"/projects/" + project + "/inbox?unread=true&amp;version=1&amp;approval=approved\"")
                .contains("href=\"/projects/" + project + "/inbox?unread=true&amp;version=1\"")
                .contains("aria-current=\"true\"", "name=\"approval\" value=\"changes\"");

        // Composed with «only new»: read comments drop out, a new one on an approved shot stays.
        owner.api().post("/api/v1/projects/" + project + "/comments/read", null);
        Sharing.comment(client, token, dawn, "Ещё ярче");
        assertThat(inbox(owner, project, "unread=true&approval=approved"))
                .contains("Ещё ярче")
                .doesNotContain("Рассвет отличный");

        // A second version where the client approves the city: without a version the latest answer counts,
        // with one that version's answer on the comments written on it.
        Api.Response published =
                owner.api().post("/api/v1/share-links/" + link.path("id").asString() + "/versions", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        Sharing.answer(client, token, city, "approved", null);
        assertThat(inbox(owner, project, "approval=approved")).contains("Город мрачноват", "Рассвет отличный");
        assertThat(inbox(owner, project, "approval=changes")).doesNotContain("Город мрачноват");
        assertThat(inbox(owner, project, "version=1&approval=changes"))
                .contains("Город мрачноват")
                .doesNotContain("Рассвет отличный", "Погоня длинная");
        assertThat(inbox(owner, project, "version=2&approval=approved"))
                .as("nothing was written on version 2")
                .doesNotContain("Город мрачноват", "Рассвет отличный");

        Api.Response wrong = owner.api().get("/projects/" + project + "/inbox?approval=maybe");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("approved, changes или none");
        assertThat(studio.newPerson()
                        .api()
                        .get("/projects/" + project + "/inbox?approval=approved")
                        .status())
                .isEqualTo(404);
    }

    private static String inbox(Studio.Person owner, String project, String query) {
        Api.Response page = owner.api().get("/projects/" + project + "/inbox?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.text();
    }
}
