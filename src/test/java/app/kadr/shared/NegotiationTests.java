package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.RawHttp;
import app.kadr.support.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client that accepts nothing Kadr can write is told so before anything happens: a retry after the error
 * must not make a second project, shot or comment.
 */
@KadrTest
class NegotiationTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    RawHttp http;

    @BeforeEach
    void aPerson() {
        owner = studio.newPerson();
        http = new RawHttp(studio.baseUrl());
    }

    private int projects() {
        return owner.api().get("/api/v1/projects").json().path("items").size();
    }

    private RawHttp.Answer createProject(String accept) {
        return http.send(
                "POST",
                "/api/v1/projects",
                "{\"name\":\"Клип\"}",
                "Authorization",
                "Bearer " + owner.token(),
                "Content-Type",
                "application/json",
                "Accept",
                accept);
    }

    @Test
    void aClientThatAcceptsOnlyXmlGets406AndNoProject() {
        RawHttp.Answer answer = createProject("application/xml");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
        assertThat(answer.isRussianProblem()).as(answer.toString()).isTrue();
        assertThat(projects()).isZero();
    }

    @Test
    void anAcceptHeaderThatIsNotAMediaTypeGets400AndNoProject() {
        RawHttp.Answer answer = createProject("%%%");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isRussianProblem()).as(answer.toString()).isTrue();
        assertThat(projects()).isZero();
    }

    @Test
    void jsonAnyTypeAndNoAcceptAtAllStillWork() {
        assertThat(createProject("application/json").status()).isEqualTo(201);
        assertThat(createProject("*/*").status()).isEqualTo(201);
        assertThat(createProject("application/*;q=0.5, text/html").status()).isEqualTo(201);
        assertThat(owner.api()
                        .post("/api/v1/projects", java.util.Map.of("name", "Без Accept"))
                        .status())
                .isEqualTo(201);
        assertThat(projects()).isEqualTo(4);
    }

    @Test
    void aClientsCommentAcceptingOnlyXmlIsRefusedAndNotStored() {
        String project = studio.newProject(owner, "Клип");
        String shot = studio.newShot(owner, project, "Припев");
        String token = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", java.util.Map.of())
                .string("token");

        RawHttp.Answer answer = http.send(
                "POST",
                "/api/v1/public/" + token + "/shots/" + shot + "/comments",
                "{\"authorName\":\"Анна\",\"text\":\"Ярче\"}",
                "Content-Type",
                "application/json",
                "Accept",
                "text/xml");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
        assertThat(answer.isRussianProblem()).as(answer.toString()).isTrue();
        assertThat(owner.api()
                        .get("/api/v1/shots/" + shot + "/comments")
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void errorsAreProblemJsonWhateverTheClientAccepts() {
        RawHttp.Answer missing = http.send(
                "GET",
                "/api/v1/assets/00000000-0000-0000-0000-000000000000/content/thumb",
                (byte[]) null,
                "Authorization",
                "Bearer " + owner.token(),
                "Accept",
                "image/webp");
        RawHttp.Answer unknown = http.send(
                "GET",
                "/api/v1/nothing-here",
                (byte[]) null,
                "Authorization",
                "Bearer " + owner.token(),
                "Accept",
                "text/html");
        RawHttp.Answer anonymous = http.send("GET", "/api/v1/projects", (byte[]) null, "Accept", "image/png");

        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.isRussianProblem()).as(missing.toString()).isTrue();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.isRussianProblem()).as(unknown.toString()).isTrue();
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.isRussianProblem()).as(anonymous.toString()).isTrue();
    }
}
