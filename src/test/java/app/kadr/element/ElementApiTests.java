package app.kadr.element;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The element library through the API: handles people can mention, versions that are kept, and the trash. */
@KadrTest
class ElementApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String portrait;
    String lighthouse;

    @BeforeEach
    void aProjectWithTwoTakes() {
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        String shot = studio.newShot(person, project, "Берег");
        List<String> takes = studio.upload(
                person,
                shot,
                new Api.NamedBytes("anya.png", Samples.png(64, 48)),
                new Api.NamedBytes("mayak.png", Samples.png(48, 64)));
        portrait = takes.get(0);
        lighthouse = takes.get(1);
    }

    @Test
    void aCharacterWithACyrillicHandleAndAReferenceTakeIsListedWithItsThumbnail() {
        Api.Response created = create("character", "@Аня", "Аня, 20 лет, рыжие волосы, зелёный плащ", portrait);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode anya = created.json();
        assertThat(anya.path("handle").asString()).isEqualTo("Аня");
        assertThat(anya.path("name").asString())
                .as("the name defaults to the handle")
                .isEqualTo("Аня");
        assertThat(anya.path("kindLabel").asString()).isEqualTo("Персонаж");
        assertThat(anya.path("version").asInt()).isEqualTo(1);
        assertThat(anya.path("referenceAssetIds").get(0).asString()).isEqualTo(portrait);
        assertThat(anya.path("references").get(0).path("thumbUrl").asString())
                .startsWith("/api/v1/assets/" + portrait + "/content/");
        create("location", "Маяк", "старый маяк на скале, шторм", lighthouse);

        JsonNode listed =
                person.api().get("/api/v1/projects/" + project + "/elements").json();

        List<String> handles = new ArrayList<>();
        listed.path("items").forEach(e -> handles.add(e.path("handle").asString()));
        assertThat(handles).containsExactly("Аня", "Маяк");
        assertThat(person.api()
                        .get("/api/v1/elements/" + anya.path("id").asString())
                        .json()
                        .path("description")
                        .asString())
                .isEqualTo("Аня, 20 лет, рыжие волосы, зелёный плащ");
    }

    @Test
    void everyEditMakesANewVersionAndKeepsTheOldOnesWhileAnEditThatChangesNothingMakesNone() {
        String anya = create("character", "Аня", "рыжие волосы", portrait).id();

        Api.Response edited = person.api()
                .patch(
                        "/api/v1/elements/" + anya,
                        Map.of("description", "короткая стрижка", "referenceAssetIds", List.of(lighthouse, portrait)));
        Api.Response again = person.api().patch("/api/v1/elements/" + anya, Map.of("description", "короткая стрижка"));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);
        assertThat(again.json().path("version").asInt()).isEqualTo(2);
        JsonNode versions = person.api()
                .get("/api/v1/elements/" + anya + "/versions")
                .json()
                .path("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("description").asString()).isEqualTo("короткая стрижка");
        assertThat(versions.get(0).path("referenceAssetIds")).hasSize(2);
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).path("description").asString()).isEqualTo("рыжие волосы");
        assertThat(versions.get(1).path("referenceAssetIds")).hasSize(1);
    }

    @Test
    void aHandleThatCannotBeMentionedOrIsTakenIsRefusedInRussianAndWritesNothing() {
        create("character", "Аня", "рыжие волосы", portrait);
        Studio.Person stranger = studio.newPerson();
        String strangers = studio.upload(
                        stranger,
                        studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой"),
                        new Api.NamedBytes("x.png", Samples.png(8, 8)))
                .get(0);

        Map<String, Api.Response> refusals = new HashMap<>();
        refusals.put("handle", create("character", "Аня Петрова", "", null));
        refusals.put("taken", create("location", "аня", "", null));
        refusals.put("kind", create("actor", "Оля", "", null));
        refusals.put("empty", create("prop", " @ ", "", null));
        Api.Response foreign = create("prop", "Фонарь", "", strangers);

        assertThat(refusals.get("handle").status()).isEqualTo(400);
        assertThat(refusals.get("handle").string("field")).isEqualTo("handle");
        assertThat(refusals.get("handle").string("detail")).contains("без пробелов");
        assertThat(refusals.get("taken").string("detail")).contains("@аня", "уже занято");
        assertThat(refusals.get("kind").string("field")).isEqualTo("kind");
        assertThat(refusals.get("empty").string("field")).isEqualTo("handle");
        refusals.values().forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(400));
        assertThat(foreign.status()).as("someone else's take is not there").isEqualTo(404);
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/elements")
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void aDeletedElementWaitsInTheTrashWithItsHandleAndComesBackWhole() {
        String anya = create("character", "Аня", "рыжие волосы", portrait).id();

        Api.Response deleted = person.api().delete("/api/v1/elements/" + anya);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(person.api().get("/api/v1/elements/" + anya).status()).isEqualTo(404);
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/elements")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(create("character", "АНЯ", "", null).status())
                .as("the handle stays with the trashed element")
                .isEqualTo(400);
        assertThat(person.api().get("/trash", Map.of("Accept", "text/html")).text())
                .contains("@Аня");
        Api.Response restored = person.api().post("/api/v1/elements/" + anya + "/restore", null);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("description").asString()).isEqualTo("рыжие волосы");
        assertThat(restored.json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aPromptMentioningTwoElementsReachesTheEngineWithBothDescriptionsAndRecordsTheirVersions() {
        String anya = create("character", "Аня", "девушка 20 лет, рыжие волосы", portrait)
                .id();
        String mayak =
                create("location", "Маяк", "старый маяк на скале", lighthouse).id();
        person.api().patch("/api/v1/elements/" + mayak, Map.of("description", "старый маяк на скале, шторм"));
        String shot = studio.newShot(person, project, "Проход");

        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                studio.localModel(person, "local/draft"),
                                "prompt",
                                "@Аня идёт по @Маяк, @аня улыбается, пишите на a@b.ru"));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done =
                studio.awaitGeneration(person, started.json().get(0).path("id").asString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("prompt").asString())
                .isEqualTo("Аня (девушка 20 лет, рыжие волосы) идёт по Маяк (старый маяк на скале, шторм),"
                        + " Аня улыбается, пишите на a@b.ru");
        Map<String, Integer> versions = new HashMap<>();
        done.path("elements")
                .forEach(e ->
                        versions.put(e.path("id").asString(), e.path("version").asInt()));
        assertThat(versions).isEqualTo(Map.of(anya, 1, mayak, 2));
    }

    @Test
    void anElementAttachedByIdAddsItsDescriptionAndOneFromAnotherProjectIsRefused() {
        String style =
                create("style", "Нуар", "чёрно-белый нуар, жёсткие тени", null).id();
        String elsewhere = studio.newProject(person, "Другой");
        String foreign = person.api()
                .post(
                        "/api/v1/projects/" + elsewhere + "/elements",
                        Map.of("kind", "style", "handle", "Пастель", "description", "пастельные тона"))
                .id();
        String shot = studio.newShot(person, project, "Ночь");
        String draft = studio.localModel(person, "local/draft");

        Api.Response attached = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", draft, "prompt", "улица ночью", "elementIds", List.of(style)));
        Api.Response refused = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", draft, "prompt", "улица ночью", "elementIds", List.of(foreign)));

        assertThat(attached.status()).as(attached.toString()).isEqualTo(202);
        assertThat(attached.json().get(0).path("prompt").asString())
                .isEqualTo("улица ночью. Нуар (чёрно-белый нуар, жёсткие тени)");
        assertThat(attached.json().get(0).path("elements").get(0).path("id").asString())
                .isEqualTo(style);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.string("field")).isEqualTo("elementIds");
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .toString())
                .doesNotContain("Пастель");

        String take = studio.awaitTake(person, attached.json().get(0).path("id").asString());
        JsonNode remixed =
                person.api().post("/api/v1/assets/" + take + "/remix", null).json();
        assertThat(remixed.path("prompt").asString())
                .as("an element attached without a name comes along with a remix, its description once")
                .isEqualTo("улица ночью. Нуар (чёрно-белый нуар, жёсткие тени)");
        assertThat(remixed.path("elements").get(0).path("id").asString()).isEqualTo(style);
    }

    @Test
    void editingAnElementMarksExactlyTheTakesMadeWithItsOldVersionStaleAndTheDryRunPricesThem() {
        String anya = create("character", "Аня", "рыжие волосы", portrait).id();
        create("location", "Маяк", "старый маяк", lighthouse);
        String shot = studio.newShot(person, project, "Проход");
        String draft = studio.localModel(person, "local/draft");
        String withAnya = generate(shot, draft, "@Аня на берегу");
        String withMayak = generate(shot, draft, "@Маяк в тумане");
        String withoutMentions = generate(shot, draft, "просто море");

        person.api().patch("/api/v1/elements/" + anya, Map.of("description", "короткая стрижка"));
        String withNewAnya = generate(shot, draft, "@Аня у @Маяк");

        JsonNode stale =
                person.api().get("/api/v1/projects/" + project + "/stale").json();
        assertThat(stale.path("items")).hasSize(1);
        JsonNode item = stale.path("items").get(0);
        assertThat(item.path("generationId").asString()).isEqualTo(withAnya);
        assertThat(item.path("elements").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(item.path("elements").get(0).path("currentVersion").asInt()).isEqualTo(2);
        assertThat(stale.path("takes").asInt()).isEqualTo(1);
        assertThat(List.of(withMayak, withoutMentions, withNewAnya)).doesNotContain(withAnya);
        JsonNode library =
                person.api().get("/api/v1/projects/" + project + "/elements").json();
        assertThat(library.path("items").get(0).path("staleGenerations").asInt())
                .isEqualTo(1);

        JsonNode dry = person.api()
                .post("/api/v1/projects/" + project + "/stale/regenerate", Map.of("dryRun", true))
                .json();
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("takes").asInt()).isEqualTo(1);
        assertThat(dry.path("estimatedCost").decimalValue()).isZero();
        assertThat(dry.path("generationIds")).isEmpty();
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .as("a dry run starts nothing")
                .hasSize(4);

        JsonNode run = person.api()
                .post("/api/v1/projects/" + project + "/stale/regenerate", Map.of("dryRun", false))
                .json();
        JsonNode again =
                studio.awaitGeneration(person, run.path("generationIds").get(0).asString());
        assertThat(again.path("prompt").asString()).isEqualTo("Аня (короткая стрижка) на берегу");
        assertThat(again.path("seed").asLong())
                .isEqualTo(person.api()
                        .get("/api/v1/generations/" + withAnya)
                        .json()
                        .path("seed")
                        .asLong());
    }

    private String generate(String shot, String model, String prompt) {
        Api.Response started =
                person.api().post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", prompt));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get(0).path("id").asString();
        studio.awaitTake(person, id);
        return id;
    }

    private Api.Response create(String kind, String handle, String description, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "handle", handle, "description", description));
        if (reference != null) {
            body.put("referenceAssetIds", List.of(reference));
        }
        return person.api().post("/api/v1/projects/" + project + "/elements", body);
    }
}
