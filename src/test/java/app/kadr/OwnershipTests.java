package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Another person's project, shot or asset does not exist for you: every address answers 404. */
@KadrTest
class OwnershipTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    Studio.Person stranger;
    String project;
    String shot;
    String asset;

    @BeforeEach
    void anOwnerWithAProjectAShotAndAnAsset() {
        owner = studio.newPerson();
        stranger = studio.newPerson();
        project = studio.newProject(owner, "Личный проект");
        shot = studio.newShot(owner, project, "Личный шот");
        Api.Response upload = owner.api()
                .upload("/api/v1/shots/" + shot + "/assets", new Api.NamedBytes("frame.png", Samples.png(64, 48)));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        asset = upload.json().get(0).path("id").asString();
    }

    record Call(HttpMethod method, String path, Object body) {}

    private List<Call> everyAddress() {
        return List.of(
                new Call(HttpMethod.GET, "/api/v1/projects/" + project, null),
                new Call(HttpMethod.PATCH, "/api/v1/projects/" + project, Map.of("name", "Взлом")),
                new Call(HttpMethod.DELETE, "/api/v1/projects/" + project, null),
                new Call(HttpMethod.POST, "/api/v1/projects/" + project + "/restore", null),
                new Call(HttpMethod.GET, "/api/v1/projects/" + project + "/shots", null),
                new Call(HttpMethod.POST, "/api/v1/projects/" + project + "/shots", Map.of("title", "x")),
                new Call(
                        HttpMethod.PUT,
                        "/api/v1/projects/" + project + "/shots/order",
                        Map.of("shotIds", List.of(shot), "version", 0)),
                new Call(HttpMethod.POST, "/api/v1/projects/" + project + "/repair", null),
                new Call(HttpMethod.GET, "/api/v1/shots/" + shot, null),
                new Call(HttpMethod.PATCH, "/api/v1/shots/" + shot, Map.of("title", "Взлом")),
                new Call(HttpMethod.DELETE, "/api/v1/shots/" + shot, null),
                new Call(HttpMethod.POST, "/api/v1/shots/" + shot + "/duplicate", null),
                new Call(HttpMethod.POST, "/api/v1/shots/" + shot + "/restore", null),
                new Call(HttpMethod.GET, "/api/v1/shots/" + shot + "/assets", null),
                new Call(HttpMethod.GET, "/api/v1/assets/" + asset, null),
                new Call(HttpMethod.PATCH, "/api/v1/assets/" + asset, Map.of("starred", true)),
                new Call(HttpMethod.DELETE, "/api/v1/assets/" + asset, null),
                new Call(HttpMethod.POST, "/api/v1/assets/" + asset + "/restore", null),
                new Call(HttpMethod.POST, "/api/v1/assets/" + asset + "/repair", null),
                new Call(HttpMethod.GET, "/api/v1/assets/" + asset + "/content/original", null),
                new Call(HttpMethod.GET, "/api/v1/assets/" + asset + "/content/thumb", null),
                new Call(HttpMethod.GET, "/api/v1/assets/" + asset + "/content/preview", null),
                new Call(HttpMethod.GET, "/projects/" + project, null),
                new Call(HttpMethod.GET, "/projects/" + project + "/grid", null),
                new Call(HttpMethod.GET, "/projects/" + project + "/events", null),
                new Call(HttpMethod.GET, "/shots/" + shot, null),
                new Call(HttpMethod.GET, "/shots/" + shot + "/box", null),
                new Call(HttpMethod.GET, "/shots/" + shot + "/feed", null),
                new Call(HttpMethod.GET, "/assets/" + asset + "/card", null));
    }

    @TestFactory
    Stream<DynamicTest> everyAddressOfAnotherPersonsThingsAnswers404() {
        return everyAddress().stream()
                .map(call -> DynamicTest.dynamicTest(call.method() + " " + call.path(), () -> {
                    Api.Response answer = stranger.api().request(call.method(), call.path(), call.body());
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
                }));
    }

    @TestFactory
    Stream<DynamicTest> theOwnerStillHasEverythingAfterwards() {
        return Stream.of(
                DynamicTest.dynamicTest(
                        "project",
                        () -> assertThat(owner.api()
                                        .get("/api/v1/projects/" + project)
                                        .string("name"))
                                .isEqualTo("Личный проект")),
                DynamicTest.dynamicTest(
                        "upload into a stranger's shot",
                        () -> assertThat(stranger.api()
                                        .upload(
                                                "/api/v1/shots/" + shot + "/assets",
                                                new Api.NamedBytes("x.png", Samples.png(8, 8)))
                                        .status())
                                .isEqualTo(404)));
    }
}
