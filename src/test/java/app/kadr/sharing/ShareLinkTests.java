package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Share links: what opens them, what closes them, and that nothing else answers but 404. */
@KadrTest
class ShareLinkTests {

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    Studio.Person owner;
    String project;
    String shot;
    PublicClient stranger;

    @BeforeEach
    void aProjectWithAShot() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Реклама кофе");
        shot = studio.newShot(owner, project, "Утро");
        stranger = new PublicClient(studio.baseUrl());
    }

    @Test
    void aNewLinkHasALongUrlSafeTokenOpensWithoutAnAccountAndIsListed() {
        JsonNode link = Sharing.newLink(owner, project);

        String token = link.path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        // A path: without KADR_PUBLIC_URL the studio does not know its address (see shared.PublicUrlTests).
        assertThat(link.path("url").asString()).isEqualTo("/s/" + token);
        assertThat(link.path("allowComments").asBoolean()).isTrue();
        assertThat(link.path("expiresAt").isNull()).isTrue();
        assertThat(Sharing.newLink(owner, project).path("token").asString()).isNotEqualTo(token);

        PublicClient.Answer page = stranger.get("/s/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Реклама кофе", "Утро");
        JsonNode view = stranger.get("/api/v1/public/" + token).json();
        assertThat(view.path("project").path("name").asString()).isEqualTo("Реклама кофе");
        assertThat(view.path("shots").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(view.path("shots").get(0).path("headliner").isNull()).isTrue();

        JsonNode list =
                owner.api().get("/api/v1/projects/" + project + "/share-links").json();
        assertThat(list.path("items")).hasSize(2);
    }

    @Test
    void aRevokedLinkAnswers404AtOnceWithARussianPage() {
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();

        Api.Response revoked =
                owner.api().delete("/api/v1/share-links/" + link.path("id").asString());

        assertThat(revoked.status()).isEqualTo(204);
        PublicClient.Answer page = stranger.get("/s/" + token);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("Ссылка не работает").doesNotContain("Реклама кофе");
        assertThat(stranger.get("/api/v1/public/" + token).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/public/" + token + "/shots/" + shot + "/comments", comment())
                        .status())
                .isEqualTo(404);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/share-links")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void anExpiredLinkAnswers404() {
        JsonNode link = Sharing.newLink(
                owner,
                project,
                Map.of("expiresAt", Instant.now().plusSeconds(3600).toString()));
        String token = link.path("token").asString();
        assertThat(stranger.get("/s/" + token).status()).isEqualTo(200);

        jdbc.sql("update share_links set expires_at = ? where token = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), token)
                .update();

        assertThat(stranger.get("/s/" + token).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/public/" + token).status()).isEqualTo(404);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/share-links")
                        .json()
                        .path("items")
                        .get(0)
                        .path("expired")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anExpiryInThePastIsRefusedInRussian() {
        Api.Response refused = owner.api()
                .post(
                        "/api/v1/projects/" + project + "/share-links",
                        Map.of("expiresAt", Instant.now().minusSeconds(60).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Срок действия должен быть в будущем");
    }

    @Test
    void wrongAndMalformedTokensAnswer404() {
        Sharing.newLink(owner, project);
        String wellFormed = "A".repeat(43);

        for (String token : new String[] {wellFormed, "short", "x".repeat(200), "%3Cscript%3E"}) {
            assertThat(stranger.get("/s/" + token).status()).as(token).isEqualTo(404);
            assertThat(stranger.get("/api/v1/public/" + token).status())
                    .as(token)
                    .isEqualTo(404);
            assertThat(stranger.get("/api/v1/public/" + token + "/comments").status())
                    .as(token)
                    .isEqualTo(404);
        }
    }

    @Test
    void aWrongAddressUnderALinkShowsTheClientsPageWithNoWayIntoTheStudio() {
        String token = Sharing.newLink(owner, project).path("token").asString();

        for (String path :
                new String[] {"/s/" + "A".repeat(43), "/s/" + token + "/unlock", "/s/" + token + "/x/y", "/s/", "/s"}) {
            PublicClient.Answer page = stranger.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.text())
                    .as(path)
                    .contains("Ссылка не работает", "<body class=\"client\">")
                    .doesNotContain("Вернуться к проектам", "kadr.css", "href=\"/\"");
        }
    }

    @Test
    void anotherProjectsShotThroughAValidTokenAnswers404() {
        String token = Sharing.newLink(owner, project).path("token").asString();
        String otherProject = studio.newProject(owner, "Другой проект");
        String otherShot = studio.newShot(owner, otherProject, "Чужой шот");
        Studio.Person someoneElse = studio.newPerson();
        String foreignShot = studio.newShot(someoneElse, studio.newProject(someoneElse, "Чужой"), "Совсем чужой");

        for (String id : new String[] {otherShot, foreignShot, UUID.randomUUID().toString()}) {
            PublicClient.Answer answer =
                    stranger.post("/api/v1/public/" + token + "/shots/" + id + "/comments", comment());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        }
        assertThat(owner.api()
                        .get("/api/v1/projects/" + otherProject + "/comments")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void mediaAnswersOnlyTheHeadlinersDerivativesNeverTheOriginalNorAnotherAsset() {
        String asset = Sharing.headliner(studio, owner, shot, "кадр.png", Sharing.png());
        String token = Sharing.newLink(owner, project).path("token").asString();
        JsonNode headliner = stranger.get("/api/v1/public/" + token)
                .json()
                .path("shots")
                .get(0)
                .path("headliner");
        String thumb = headliner.path("thumbUrl").asString();

        assertThat(thumb).doesNotContain(asset).startsWith("/api/v1/public/" + token + "/media/");
        assertThat(stranger.get(thumb).status()).isEqualTo(200);
        assertThat(stranger.get(headliner.path("previewUrl").asString()).status())
                .isEqualTo(200);
        assertThat(stranger.get(thumb.replace("/thumb", "/original")).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/public/" + token + "/media/" + asset + "/thumb")
                        .status())
                .isEqualTo(404);
        String otherToken = Sharing.newLink(owner, studio.newProject(owner, "Пустой"))
                .path("token")
                .asString();
        assertThat(stranger.get(thumb.replace(token, otherToken)).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/assets/" + asset + "/content/original").status())
                .isEqualTo(401);
    }

    @Test
    void aRangePastTheEndOfAClientsMediaIsRefusedWithoutTheFile() {
        Sharing.headliner(studio, owner, shot, "кадр.png", Sharing.png());
        String token = Sharing.newLink(owner, project).path("token").asString();
        String thumb = stranger.get("/api/v1/public/" + token)
                .json()
                .path("shots")
                .get(0)
                .path("headliner")
                .path("thumbUrl")
                .asString();
        int length = stranger.get(thumb).bytes().length;

        PublicClient.Answer past = stranger.get(thumb, "Range", "bytes=" + (length + 10) + "-");

        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("bytes */" + length);
        assertThat(past.bytes()).as("no body with a 416").isEmpty();
    }

    @Test
    void nobodyButTheOwnerSeesCreatesOrRevokesAProjectsLinks() {
        JsonNode link = Sharing.newLink(owner, project);
        Studio.Person intruder = studio.newPerson();

        assertThat(intruder.api()
                        .get("/api/v1/projects/" + project + "/share-links")
                        .status())
                .isEqualTo(404);
        assertThat(intruder.api()
                        .post("/api/v1/projects/" + project + "/share-links", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(intruder.api()
                        .delete("/api/v1/share-links/" + link.path("id").asString())
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/s/" + link.path("token").asString()).status()).isEqualTo(200);
    }

    @Test
    void aLinkTakesALongCyrillicPassword() {
        String password = "пусть клиент смотрит раскадровку только по паролю"; // 49 letters, 92 bytes
        String token = Sharing.newLink(owner, project, Map.of("password", password))
                .path("token")
                .asString();

        assertThat(stranger.post("/api/v1/public/" + token + "/unlock", Map.of("password", password))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void passwordGuessesAreCountedPerClientBehindTheTrustedProxy() {
        String token = Sharing.newLink(owner, project, Map.of("password", "тайна-2026"))
                .path("token")
                .asString();
        Api guesser = studio.api().from(Studio.newAddress());
        for (int guess = 1; guess <= Unlocking.WRONG_GUESSES.allowed(); guess++) {
            assertThat(guesser.post("/api/v1/public/" + token + "/unlock", Map.of("password", "guess" + guess))
                            .status())
                    .isEqualTo(403);
        }

        Api.Response client = studio.api()
                .from(Studio.newAddress())
                .post("/api/v1/public/" + token + "/unlock", Map.of("password", "тайна-2026"));

        assertThat(client.status()).as(client.toString()).isEqualTo(204);
        assertThat(guesser.post("/api/v1/public/" + token + "/unlock", Map.of("password", "тайна-2026"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerDoesNotBuyMoreGuesses() {
        String token = Sharing.newLink(owner, project, Map.of("password", "тайна-2026"))
                .path("token")
                .asString();
        for (int guess = 1; guess <= Unlocking.WRONG_GUESSES.allowed(); guess++) {
            stranger.post(
                    "/api/v1/public/" + token + "/unlock",
                    Map.of("password", "guess" + guess),
                    "X-Forwarded-For",
                    Studio.newAddress());
        }

        PublicClient.Answer next = stranger.post(
                "/api/v1/public/" + token + "/unlock",
                Map.of("password", "тайна-2026"),
                "X-Forwarded-For",
                Studio.newAddress());

        assertThat(next.status()).isEqualTo(429);
    }

    @Test
    void aPasswordIsAskedFirstAndGuessesAreThrottledPerLinkAndAddress() {
        JsonNode link = Sharing.newLink(owner, project, Map.of("password", "тайна-2026"));
        String token = link.path("token").asString();
        assertThat(link.path("hasPassword").asBoolean()).isTrue();

        PublicClient.Answer locked = stranger.get("/s/" + token);
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.text()).contains("Просмотр защищён паролем").doesNotContain("Реклама кофе", "Утро");
        assertThat(stranger.get("/api/v1/public/" + token).status()).isEqualTo(401);
        assertThat(stranger.post("/api/v1/public/" + token + "/shots/" + shot + "/comments", comment())
                        .status())
                .isEqualTo(404);

        for (int guess = 1; guess <= Unlocking.WRONG_GUESSES.allowed(); guess++) {
            PublicClient.Answer wrong =
                    stranger.post("/api/v1/public/" + token + "/unlock", Map.of("password", "guess" + guess));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
            assertThat(wrong.text()).contains("Неверный пароль");
        }
        PublicClient.Answer throttled =
                stranger.post("/api/v1/public/" + token + "/unlock", Map.of("password", "тайна-2026"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text()).contains("Слишком много неверных попыток");
        assertThat(throttled.header("Set-Cookie")).isNull();

        String second = Sharing.newLink(owner, project, Map.of("password", "тайна-2026"))
                .path("token")
                .asString();
        PublicClient.Answer unlocked =
                stranger.post("/api/v1/public/" + second + "/unlock", Map.of("password", "тайна-2026"));
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(204);
        String cookie = unlocked.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(stranger.get("/api/v1/public/" + second, "Cookie", pair).status())
                .isEqualTo(200);
        assertThat(stranger.get("/s/" + second, "Cookie", pair).text()).contains("Утро");
        assertThat(stranger.get("/api/v1/public/" + token, "Cookie", pair).status())
                .as("one link's cookie does not open another")
                .isEqualTo(401);
        String forged = pair.substring(0, pair.indexOf('=') + 1) + "A".repeat(43);
        assertThat(stranger.get("/api/v1/public/" + second, "Cookie", forged).status())
                .isEqualTo(401);
    }

    @Test
    void theLockedPageTakesThePasswordInAFormAndSaysInRussianWhenItIsWrong() {
        String token = Sharing.newLink(owner, project, Map.of("password", "кофе-с-молоком"))
                .path("token")
                .asString();
        PublicClient.Answer locked = stranger.get("/s/" + token);
        // The client's browser keeps no session: the form's CSRF token is paired with a cookie instead.
        String session = cookie(locked, "XSRF-TOKEN");
        String csrf = org.jsoup.Jsoup.parse(locked.text())
                .selectFirst("form.unlock input[name=_csrf]")
                .attr("value");

        PublicClient.Answer wrong = stranger.postForm(
                "/s/" + token + "/unlock", Map.of("password", "чай", "_csrf", csrf), "Cookie", session);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text()).contains("Неверный пароль").doesNotContain("Утро");

        PublicClient.Answer right = stranger.postForm(
                "/s/" + token + "/unlock", Map.of("password", "кофе-с-молоком", "_csrf", csrf), "Cookie", session);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).endsWith("/s/" + token);
        String unlock = cookie(right, "kadr_share_");
        assertThat(stranger.get("/s/" + token, "Cookie", unlock).text()).contains("Утро");
    }

    private static String cookie(PublicClient.Answer answer, String namePrefix) {
        return answer.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(value -> value.startsWith(namePrefix))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No cookie " + namePrefix + " in " + answer.headers()));
    }

    static Map<String, String> comment() {
        return Map.of("authorName", "Клиент", "text", "Светлее, пожалуйста");
    }
}
