package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Comments of a client through a share link, and what the owner does with them. */
@KadrTest
class CommentTests {

    static final String SCRIPT_NAME = "<script>alert('имя')</script>";
    static final String HTML_TEXT = "<img src=x onerror=alert(1)><b>жирно</b> & \"кавычки\"";

    @Autowired
    Studio studio;

    Studio.Person owner;
    String project;
    String shot;
    String token;
    PublicClient client;

    @BeforeEach
    void aSharedProject() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Клип");
        shot = studio.newShot(owner, project, "Припев");
        studio.newShot(owner, project, "Куплет");
        token = Sharing.newLink(owner, project).path("token").asString();
        client = new PublicClient(studio.baseUrl());
    }

    PublicClient.Answer comment(String name, String text) {
        return client.post(
                "/api/v1/public/" + token + "/shots/" + shot + "/comments", Map.of("authorName", name, "text", text));
    }

    @Test
    void scriptAndHtmlInNamesAndCommentsAreShownAsPlainTextEverywhere() {
        PublicClient.Answer posted = comment(SCRIPT_NAME, HTML_TEXT);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().path("authorName").asString()).isEqualTo(SCRIPT_NAME);

        String clientPage = client.get("/s/" + token).text();
        String boxComments = owner.api().get("/shots/" + shot + "/comments").text();
        String inbox = owner.api().get("/projects/" + project + "/inbox").text();
        for (String html : new String[] {clientPage, boxComments, inbox}) {
            assertThat(html)
                    .doesNotContain("<script>alert", "<img src=x", "<b>жирно")
                    .contains("&lt;script&gt;alert(", "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;жирно");
        }
        JsonNode mine = client.get("/api/v1/public/" + token)
                .json()
                .path("shots")
                .get(0)
                .path("comments");
        assertThat(mine.get(0).path("text").asString()).isEqualTo(HTML_TEXT);
    }

    @Test
    void theRateLimitPerLinkAndAddressHolds() {
        for (int i = 1; i <= ClientThrottle.COMMENTS.perAddressOnLink().allowed(); i++) {
            assertThat(comment("Анна", "Правка " + i).status()).isEqualTo(201);
        }

        PublicClient.Answer refused = comment("Анна", "Ещё одна");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("Слишком много комментариев подряд");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .json()
                        .path("items"))
                .hasSize(ClientThrottle.COMMENTS.perAddressOnLink().allowed());
    }

    @Test
    void eachClientBehindTheTrustedProxyHasItsOwnCommentLimit() {
        Api busy = studio.api().from(Studio.newAddress());
        String comments = "/api/v1/public/" + token + "/shots/" + shot + "/comments";
        for (int i = 1; i <= ClientThrottle.COMMENTS.perAddressOnLink().allowed(); i++) {
            assertThat(busy.post(comments, Map.of("authorName", "Анна", "text", "Правка " + i))
                            .status())
                    .isEqualTo(201);
        }

        Api.Response another = studio.api()
                .from(Studio.newAddress())
                .post(comments, Map.of("authorName", "Борис", "text", "Мне нравится"));

        assertThat(another.status()).as(another.toString()).isEqualTo(201);
        assertThat(busy.post(comments, Map.of("authorName", "Анна", "text", "Ещё одна"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void namesAndTextsAreRequiredAndLimited() {
        assertThat(comment("", "Текст").status()).isEqualTo(400);
        assertThat(comment("Анна", "   ").status()).isEqualTo(400);
        PublicClient.Answer tooLong = comment("Анна", "а".repeat(ClientService.MAX_TEXT + 1));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asString())
                .startsWith("Комментарий не длиннее 2")
                .endsWith("000 символов.");
        assertThat(comment("я".repeat(ClientService.MAX_NAME + 1), "Текст").status())
                .isEqualTo(400);
    }

    @Test
    void anotherSitesPageCannotPostInTheClientsName() {
        PublicClient.Answer crossSite = client.post(
                "/api/v1/public/" + token + "/shots/" + shot + "/comments",
                Map.of("authorName", "Злоумышленник", "text", "спам"),
                "Origin",
                "https://evil.example",
                "Sec-Fetch-Site",
                "cross-site");

        PublicClient.Answer oldBrowserCrossSite = client.post(
                "/api/v1/public/" + token + "/shots/" + shot + "/comments",
                Map.of("authorName", "Злоумышленник", "text", "спам"),
                "Origin",
                "https://evil.example");
        PublicClient.Answer sameOrigin = client.post(
                "/api/v1/public/" + token + "/shots/" + shot + "/comments",
                Map.of("authorName", "Клиент", "text", "Своё"),
                "Origin",
                studio.baseUrl(),
                "Sec-Fetch-Site",
                "same-origin");

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.text()).contains("другого сайта");
        assertThat(oldBrowserCrossSite.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(201);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .json()
                        .path("items"))
                .extracting(item -> item.path("text").asString())
                .containsExactly("Своё");
    }

    @Test
    void commentsCanBeTurnedOffForALink() {
        String quiet = Sharing.newLink(owner, project, Map.of("allowComments", false))
                .path("token")
                .asString();

        PublicClient.Answer refused = client.post(
                "/api/v1/public/" + quiet + "/shots/" + shot + "/comments", Map.of("authorName", "А", "text", "Б"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("отключил комментарии");
        assertThat(client.get("/s/" + quiet).text()).doesNotContain("talk-form");
    }

    @Test
    void theOwnerSeesUnreadCountsReadsRepliesAndTheClientSeesTheReply() {
        String id = comment("Олег", "Сделайте ярче").json().path("id").asString();

        assertThat(shotOf(owner, project, shot).path("unreadCommentCount").asInt())
                .isEqualTo(1);
        assertThat(owner.api().get("/projects/" + project).text()).contains("box-unread");
        JsonNode unread = owner.api()
                .get("/api/v1/projects/" + project + "/comments?unread=true")
                .json()
                .path("items");
        assertThat(unread).hasSize(1);
        assertThat(unread.get(0).path("shotNumber").asInt()).isEqualTo(1);
        assertThat(unread.get(0).path("authorName").asString()).isEqualTo("Олег");
        assertThat(unread.get(0).path("read").asBoolean()).isFalse();

        assertThat(owner.api().post("/api/v1/comments/" + id + "/read", null).status())
                .isEqualTo(204);
        assertThat(shotOf(owner, project, shot).path("unreadCommentCount").asInt())
                .isZero();
        assertThat(shotOf(owner, project, shot).path("commentCount").asInt()).isEqualTo(1);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments?unread=true")
                        .json()
                        .path("items"))
                .isEmpty();

        Api.Response replied =
                owner.api().post("/api/v1/comments/" + id + "/reply", Map.of("text", "Готово, посмотрите"));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        JsonNode seen = client.get("/api/v1/public/" + token)
                .json()
                .path("shots")
                .get(0)
                .path("comments");
        assertThat(seen.get(0).path("reply").asString()).isEqualTo("Готово, посмотрите");
        assertThat(client.get("/s/" + token).text()).contains("Ответ автора", "Готово, посмотрите");
    }

    @Test
    void markingAllReadClearsTheBadges() {
        comment("Олег", "Раз");
        comment("Олег", "Два");
        assertThat(shotOf(owner, project, shot).path("unreadCommentCount").asInt())
                .isEqualTo(2);

        assertThat(owner.api()
                        .post("/api/v1/projects/" + project + "/comments/read", null)
                        .status())
                .isEqualTo(204);

        assertThat(shotOf(owner, project, shot).path("unreadCommentCount").asInt())
                .isZero();
    }

    @Test
    void theOwnerDeletesAnAbusiveCommentAndNobodySeesItAgain() {
        String id = comment("Тролль", "Оскорбление").json().path("id").asString();

        assertThat(owner.api().delete("/api/v1/comments/" + id).status()).isEqualTo(204);

        assertThat(client.get("/s/" + token).text()).doesNotContain("Оскорбление");
        assertThat(client.get("/api/v1/public/" + token).text()).doesNotContain("Оскорбление");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(shotOf(owner, project, shot).path("unreadCommentCount").asInt())
                .isZero();
        assertThat(owner.api().delete("/api/v1/comments/" + id).status()).isEqualTo(404);
    }

    @Test
    void theClientsPageAsksForNewsCheaplyAndLearnsOfRepliesAndDeletions() {
        String comments = "/api/v1/public/" + token + "/comments";
        PublicClient.Answer empty = client.get(comments);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.json().path("shots")).isEmpty();
        String quiet = empty.header("ETag");
        assertThat(empty.header("Cache-Control")).contains("no-store");

        PublicClient.Answer nothingNew = client.get(comments, "If-None-Match", quiet);
        assertThat(nothingNew.status()).isEqualTo(304);
        assertThat(nothingNew.bytes()).isEmpty();

        String id = comment("Ира", "Темп быстрее").json().path("id").asString();
        PublicClient.Answer posted = client.get(comments, "If-None-Match", quiet);
        assertThat(posted.status()).isEqualTo(200);
        JsonNode shots = posted.json().path("shots");
        assertThat(shots).hasSize(1);
        assertThat(shots.get(0).path("id").asString()).isEqualTo(shot);
        assertThat(shots.get(0).path("comments").get(0).path("text").asString()).isEqualTo("Темп быстрее");
        assertThat(shots.get(0).path("comments").get(0).path("reply").isNull()).isTrue();

        owner.api().post("/api/v1/comments/" + id + "/reply", Map.of("text", "Ускорим"));
        PublicClient.Answer replied = client.get(comments, "If-None-Match", posted.header("ETag"));
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.json()
                        .path("shots")
                        .get(0)
                        .path("comments")
                        .get(0)
                        .path("reply")
                        .asString())
                .isEqualTo("Ускорим");

        owner.api().delete("/api/v1/comments/" + id);
        PublicClient.Answer deleted = client.get(comments, "If-None-Match", replied.header("ETag"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("shots")).isEmpty();
        assertThat(deleted.header("ETag"))
                .as("a deletion is news even though the list looks as it did at first")
                .isNotEqualTo(quiet);
    }

    @Test
    void thePolledCommentsFollowRevocationAndPasswords() {
        JsonNode locked = Sharing.newLink(owner, project, Map.of("password", "секрет-чая"));
        assertThat(client.get("/api/v1/public/" + locked.path("token").asString() + "/comments")
                        .status())
                .isEqualTo(404);

        JsonNode links =
                owner.api().get("/api/v1/projects/" + project + "/share-links").json();
        for (JsonNode link : links.path("items")) {
            owner.api().delete("/api/v1/share-links/" + link.path("id").asString());
        }
        assertThat(client.get("/api/v1/public/" + token + "/comments").status()).isEqualTo(404);
    }

    @Test
    void nobodyElseReadsRepliesToOrDeletesTheComments() {
        String id = comment("Олег", "Только владельцу").json().path("id").asString();
        Studio.Person intruder = studio.newPerson();

        assertThat(intruder.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .status())
                .isEqualTo(404);
        assertThat(intruder.api().post("/api/v1/comments/" + id + "/read", null).status())
                .isEqualTo(404);
        assertThat(intruder.api()
                        .post("/api/v1/comments/" + id + "/reply", Map.of("text", "х"))
                        .status())
                .isEqualTo(404);
        assertThat(intruder.api().delete("/api/v1/comments/" + id).status()).isEqualTo(404);
        assertThat(intruder.api().get("/projects/" + project + "/inbox/link").status())
                .isEqualTo(404);
        assertThat(owner.api().get("/projects/" + project + "/inbox/link").text())
                .contains("новых: 1");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    static JsonNode shotOf(Studio.Person owner, String project, String shot) {
        for (JsonNode item :
                owner.api().get("/api/v1/projects/" + project + "/shots").json().path("items")) {
            if (item.path("id").asString().equals(shot)) {
                return item;
            }
        }
        throw new AssertionError("No shot " + shot);
    }
}
