package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.RawHttp;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A NUL, another control character or half a surrogate pair in any text is refused with 400 naming the field,
 * before the database (PostgreSQL cannot even store a NUL); tabs and line breaks stay welcome.
 */
@KadrTest
class TextInputTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    RawHttp http;

    @BeforeEach
    void aPerson() {
        owner = studio.newPerson();
        http = new RawHttp(studio.baseUrl());
    }

    private RawHttp.Answer post(String path, String json) {
        return http.send(
                "POST", path, json, "Authorization", "Bearer " + owner.token(), "Content-Type", "application/json");
    }

    private static void assertRefused(RawHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isRussianProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().path("field").asString()).isEqualTo(field);
        assertThat(answer.json().path("detail").asString()).contains("«" + field + "»", "управляющие символы");
    }

    private int projects() {
        return owner.api().get("/api/v1/projects").json().path("items").size();
    }

    @Test
    void aCursorWithNulOrBrokenBytesIsABadRequest() {
        RawHttp.Answer nul = http.send(
                "GET", "/api/v1/projects?cursor=%00abc", (byte[]) null, "Authorization", "Bearer " + owner.token());
        RawHttp.Answer broken = http.send(
                "GET", "/api/v1/projects?cursor=%00%ff!!", (byte[]) null, "Authorization", "Bearer " + owner.token());

        assertRefused(nul, "cursor");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.isRussianProblem()).as(broken.toString()).isTrue();
    }

    @Test
    void aNulOrControlCharacterInAProjectIsRefusedAndNothingIsCreated() {
        assertRefused(post("/api/v1/projects", "{\"name\":\"Кли\\u0000п\"}"), "name");
        assertRefused(post("/api/v1/projects", "{\"name\":\"Клип\",\"description\":\"a\\u001bb\"}"), "description");
        assertRefused(post("/api/v1/projects", "{\"name\":\"Кли\\ud800п\"}"), "name");
        assertRefused(post("/api/v1/projects", "{\"name\":\"\\udc00\"}"), "name");

        assertThat(projects()).isZero();
    }

    @Test
    void tabsLineBreaksEmojiAndRightToLeftTextAreKept() {
        RawHttp.Answer created = post(
                "/api/v1/projects",
                "{\"name\":\"Клип 🎬 \\u202eשלום\",\"description\":\"строка 1\\n\\tстрока 2\\r\\n\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("name").asString()).isEqualTo("Клип 🎬 \u202eשלום");
        assertThat(created.json().path("description").asString()).startsWith("строка 1\n\tстрока 2");
    }

    @Test
    void shotTitlesPromptsCommentsAndNestedParametersAreHeldToTheSameRule() {
        String project = studio.newProject(owner, "Клип");
        String shot = studio.newShot(owner, project, "Припев");

        assertRefused(post("/api/v1/projects/" + project + "/shots", "{\"title\":\"\\u0000\"}"), "title");
        assertRefused(
                http.send(
                        "PATCH",
                        "/api/v1/shots/" + shot,
                        "{\"title\":\"a\\u0007\"}",
                        "Authorization",
                        "Bearer " + owner.token(),
                        "Content-Type",
                        "application/json"),
                "title");
        assertRefused(post("/api/v1/shots/" + shot + "/generations", "{\"prompt\":\"кот\\u0000\"}"), "prompt");
        assertRefused(
                post("/api/v1/shots/" + shot + "/generations", "{\"params\":{\"style\":[\"ok\",\"\\u0000\"]}}"),
                "params.style[1]");
        String token = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .string("token");
        assertRefused(
                http.send(
                        "POST",
                        "/api/v1/public/" + token + "/shots/" + shot + "/comments",
                        "{\"authorName\":\"Анна\\u0000\",\"text\":\"Ярче\"}",
                        "Content-Type",
                        "application/json"),
                "authorName");

        assertThat(owner.api().get("/api/v1/shots/" + shot).string("title")).isEqualTo("Припев");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/shots")
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(owner.api()
                        .get("/api/v1/shots/" + shot + "/comments")
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void accountTextsAreHeldToTheSameRule() {
        RawHttp.Answer signup = http.send(
                "POST",
                "/api/v1/auth/signup",
                "{\"username\":\"nul-name\",\"password\":\"correct-horse-42\",\"displayName\":\"Анна\\u0000\"}",
                "Content-Type",
                "application/json");
        RawHttp.Answer token = http.send(
                "POST",
                "/api/v1/auth/tokens",
                "{\"username\":\"" + owner.username() + "\",\"password\":\"" + Studio.PASSWORD
                        + "\",\"name\":\"ci\\u0000\"}",
                "Content-Type",
                "application/json");

        assertRefused(signup, "displayName");
        assertRefused(token, "name");
        assertThat(owner.api().get("/api/v1/me/tokens").json().size()).isEqualTo(1);
    }

    @Test
    void aPageFormWithANulAnswersTheRussianErrorPage() {
        Api.Response answer = owner.api().form("/projects", Map.of("name", "Клип\u0000"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(answer.text()).contains("«name»", "управляющие символы");
        assertThat(projects()).isZero();
    }

    @Test
    void anUploadsFileNameLosesItsControlCharacters() {
        String project = studio.newProject(owner, "Клип");
        String shot = studio.newShot(owner, project, "Припев");

        String asset = studio.upload(owner, shot, new Api.NamedBytes("кадр\u0000\u0007.png", Samples.png(16, 16)))
                .getFirst();

        assertThat(owner.api().get("/api/v1/assets/" + asset).string("fileName"))
                .isEqualTo("кадр.png");
    }
}
