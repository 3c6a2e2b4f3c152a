package app.kadr.element;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The elements each shot features: set by hand, found from the @mentions its takes were generated with; the
 * storyboard's filter and an element's list of shots and takes follow both.
 */
@KadrTest
class ShotCastApiTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String anya;
    String lighthouse;
    String shore;
    String stairs;
    String sea;

    @BeforeEach
    void threeShotsAndTwoElements() {
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        shore = studio.newShot(person, project, "Берег");
        stairs = studio.newShot(person, project, "Лестница");
        sea = studio.newShot(person, project, "Море");
        anya = element("character", "Аня", "рыжая девушка в зелёном плаще");
        lighthouse = element("location", "Маяк", "старый маяк на скале");
    }

    @Test
    void aShotFeaturesTheElementsSetByHandAndTheOnesItsTakesMentioned() {
        Api.Response set =
                person.api().put("/api/v1/shots/" + shore + "/elements", Map.of("elementIds", List.of(lighthouse)));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String take = studio.generate(
                person,
                stairs,
                Map.of(
                        "modelId", studio.localModel(person, "local/draft"),
                        "prompt", "@Аня поднимается по лестнице",
                        "params", Map.of("seed", 3, "size", "1280x720")));

        JsonNode onStairs =
                person.api().get("/api/v1/shots/" + stairs + "/elements").json();
        assertThat(handles(onStairs.path("items"))).containsExactly("Аня");
        assertThat(onStairs.path("items").get(0).path("mentioned").asBoolean()).isTrue();
        assertThat(onStairs.path("items").get(0).path("byHand").asBoolean()).isFalse();
        JsonNode onShore =
                person.api().get("/api/v1/shots/" + shore + "/elements").json();
        assertThat(handles(onShore.path("items"))).containsExactly("Маяк");
        assertThat(onShore.path("items").get(0).path("byHand").asBoolean()).isTrue();
        assertThat(person.api()
                        .get("/api/v1/shots/" + sea + "/elements")
                        .json()
                        .path("items")
                        .size())
                .isZero();

        JsonNode usage = person.api().get("/api/v1/elements/" + anya + "/usage").json();
        assertThat(texts(usage.path("shots"), "title")).containsExactly("Лестница");
        assertThat(texts(usage.path("takes"), "id")).containsExactly(take);
        person.api().put("/api/v1/shots/" + sea + "/elements", Map.of("elementIds", List.of(anya)));
        assertThat(shotsUsing(anya)).as("in storyboard order").containsExactly("Лестница", "Море");

        String filter =
                person.api().get("/projects/" + project + "/cast-filter", HTML).text();
        assertThat(filter)
                .contains("data-cast-filter=\"" + anya + "\"", "data-shots=\"" + stairs + " " + sea + "\"")
                .contains("data-shots=\"" + shore + "\"");
        assertThat(person.api()
                        .put("/api/v1/shots/" + shore + "/elements", Map.of("elementIds", List.of()))
                        .json()
                        .path("items")
                        .size())
                .as("clearing the hand-set ones")
                .isZero();
    }

    @Test
    void aShotMovedToAnotherProjectLeavesTheCastOfTheProjectItLeft() {
        person.api().put("/api/v1/shots/" + shore + "/elements", Map.of("elementIds", List.of(anya, lighthouse)));
        person.api().put("/api/v1/shots/" + sea + "/elements", Map.of("elementIds", List.of(anya)));
        String other = studio.newProject(person, "Другой фильм");

        Api.Response moved = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(shore), "targetProjectId", other));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(person.api()
                                .get("/api/v1/shots/" + shore + "/elements")
                                .json()
                                .path("items"))
                        .as("the elements of the project it left are not its cast any more")
                        .isEmpty());
        assertThat(shotsUsing(anya)).containsExactly("Море");
        assertThat(handles(person.api()
                        .get("/api/v1/shots/" + sea + "/elements")
                        .json()
                        .path("items")))
                .as("a shot that stayed keeps its cast")
                .containsExactly("Аня");
    }

    @Test
    void anElementOfAnotherProjectCannotBeSetAndAStrangerSeesNothing() {
        String other = studio.newProject(person, "Другой");
        Api.Response theirs =
                person.api().post("/api/v1/projects/" + other + "/elements", Map.of("kind", "prop", "handle", "Весло"));
        Api.Response refused =
                person.api().put("/api/v1/shots/" + shore + "/elements", Map.of("elementIds", List.of(theirs.id())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("не из этого проекта");

        Studio.Person stranger = studio.newPerson();
        assertThat(stranger.api().get("/api/v1/shots/" + shore + "/elements").status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .put("/api/v1/shots/" + shore + "/elements", Map.of("elementIds", List.of(anya)))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/elements/" + anya + "/usage").status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/elements/" + anya, HTML).status()).isEqualTo(404);
        assertThat(person.api().get("/elements/" + anya, HTML).status()).isEqualTo(200);
    }

    private String element(String kind, String handle, String description) {
        Api.Response created = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", kind, "handle", handle, "description", description));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static List<String> handles(JsonNode items) {
        return texts(items, "handle");
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private List<String> shotsUsing(String element) {
        return texts(
                person.api()
                        .get("/api/v1/elements/" + element + "/usage")
                        .json()
                        .path("shots"),
                "title");
    }
}
