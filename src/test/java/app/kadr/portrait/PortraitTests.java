package app.kadr.portrait;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * «Сгенерировать портрет»: a character's front, three-quarter and profile views made by the studio's own generations
 * (the offline engine here, with no keys), each joining the character's references when it is done.
 */
@KadrTest
class PortraitTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");
    private static final String ANYA = "девушка 20 лет, рыжие волосы до плеч, зелёный плащ";

    @Autowired
    Studio studio;

    @Autowired
    PortraitTakes takes;

    @Autowired
    JdbcClient jdbc;

    Studio.Person person;
    String project;
    String shot;

    @BeforeEach
    void aProjectWithAShot() {
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        shot = studio.newShot(person, project, "Берег");
    }

    @Test
    void aCharactersPortraitEndsAsThreeNewReferencesShownOnItsPage() {
        String anya = element("character", "Аня", ANYA);

        Api.Response started = person.api().post("/api/v1/elements/" + anya + "/portrait", null);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = started.json();
        assertThat(run.path("shotId").asString()).as("the project's only shot").isEqualTo(shot);
        List<String> labels = new ArrayList<>();
        run.path("views").forEach(view -> labels.add(view.path("label").asString()));
        assertThat(labels).containsExactly("Анфас", "Три четверти", "Профиль");
        List<String> generationIds = new ArrayList<>();
        run.path("generationIds").forEach(id -> generationIds.add(id.asString()));
        assertThat(generationIds).hasSize(3);
        JsonNode front =
                person.api().get("/api/v1/generations/" + generationIds.get(0)).json();
        assertThat(front.path("prompt").asString())
                .as("the character mentioned, so spelled out as every @mention is")
                .startsWith("Аня (" + ANYA + ")")
                .contains("front view");
        assertThat(front.path("elements").get(0).path("id").asString())
                .as("a view is a take made with the character")
                .isEqualTo(anya);
        assertThat(front.path("provider").asString())
                .as("the offline engine by default")
                .isEqualTo("local");
        assertThat(person.api()
                        .get("/api/v1/generations/" + generationIds.get(2))
                        .json()
                        .path("prompt")
                        .asString())
                .contains("profile");

        JsonNode made = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> person.api().get("/api/v1/elements/" + anya).json(),
                        element -> element.path("referenceAssetIds").size() == 3);

        List<String> references = new ArrayList<>();
        made.path("referenceAssetIds").forEach(id -> references.add(id.asString()));
        List<String> portraitTakes = new ArrayList<>();
        for (String id : generationIds) {
            portraitTakes.add(
                    studio.awaitGeneration(person, id).path("assetIds").get(0).asString());
        }
        assertThat(references).containsExactlyInAnyOrderElementsOf(portraitTakes);
        assertThat(made.path("version").asInt())
                .as("each take a new version, as adding a reference by hand")
                .isEqualTo(4);
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/stale")
                        .json()
                        .path("items"))
                .as("the views made the versions they joined: none of them is «Устарело»")
                .isEmpty();
        JsonNode finished =
                person.api().get("/api/v1/elements/" + anya + "/portrait").json();
        finished.path("views")
                .forEach(view -> assertThat(view.path("outcome").asString()).isEqualTo("added"));

        Document page = page("/elements/" + anya);
        assertThat(page.select("#element-refs img")).hasSize(3);
        assertThat(page.select("#portrait").attr("hx-get")).isEqualTo("/elements/" + anya + "/portrait");
        Document panel = page("/elements/" + anya + "/portrait");
        assertThat(panel.select(".portrait-tile figcaption strong").eachText())
                .containsExactly("Анфас", "Три четверти", "Профиль");
        assertThat(panel.select(".portrait-tile img")).hasSize(3);
        assertThat(panel.text()).contains("В референсах");
        assertThat(panel.select("#portrait").hasAttr("hx-trigger"))
                .as("nothing left to wait for")
                .isFalse();
    }

    @Test
    void whileAPortraitIsOnItsWayThePanelKeepsAskingAndSaysWhenReferencesJoined() {
        String anya = element("character", "Аня", ANYA);

        Api.Response pressed = person.api().form("/elements/" + anya + "/portrait", Map.of());

        assertThat(pressed.status()).as(pressed.toString()).isEqualTo(200);
        Document panel = Jsoup.parse(pressed.text());
        assertThat(panel.select("#portrait").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(panel.select("#portrait").attr("hx-get")).endsWith("/portrait?added=0");
        assertThat(panel.select("#portrait-start").hasAttr("disabled")).isTrue();
        Api.Response later = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> person.api().get("/elements/" + anya + "/portrait?added=0", HTML),
                        response -> "element-references-changed"
                                .equals(response.headers().getFirst("HX-Trigger")));
        assertThat(later.status()).isEqualTo(200);
    }

    @Test
    void onlyACharacterHasAPortrait() {
        String mayak = element("location", "Маяк", "старый маяк на скале");

        Api.Response refused = person.api().post("/api/v1/elements/" + mayak + "/portrait", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.string("detail")).isEqualTo("Портрет генерируется только для персонажа, а это локация.");
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(page("/elements/" + mayak).select("#portrait")).isEmpty();
    }

    @Test
    void someoneElsesCharacterIsNotThere() {
        String anya = element("character", "Аня", ANYA);
        Studio.Person stranger = studio.newPerson();

        assertThat(stranger.api()
                        .post("/api/v1/elements/" + anya + "/portrait", null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/elements/" + anya + "/portrait").status())
                .isEqualTo(404);
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aPortraitThatFinishedWhileTheStudioWasDownJoinsTheReferencesAtTheNextStart() {
        String anya = element("character", "Аня", ANYA);
        String take = studio.generate(
                person, shot, Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", ANYA));
        String generation = person.api()
                .get("/api/v1/assets/" + take)
                .json()
                .path("generation")
                .path("id")
                .asString();
        // As if the studio stopped after the generation ended and before its event was heard.
        jdbc.sql("""
                        insert into element_portraits
                          (generation_id, element_id, owner_id, run_id, angle, position, created_at)
                        select ?, ?, owner_id, ?, 'front', 0, ? from projects where id = ?""")
                .params(
                        UUID.fromString(generation),
                        UUID.fromString(anya),
                        UUID.randomUUID(),
                        java.sql.Timestamp.from(Instant.now()),
                        UUID.fromString(project))
                .update();

        takes.catchUp();

        JsonNode element = person.api().get("/api/v1/elements/" + anya).json();
        assertThat(element.path("referenceAssetIds").get(0).asString()).isEqualTo(take);
        assertThat(element.path("version").asInt()).isEqualTo(2);
    }

    private String element(String kind, String handle, String description) {
        Api.Response created = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", kind, "handle", handle, "description", description));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Document page(String path) {
        Api.Response response = person.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }
}
