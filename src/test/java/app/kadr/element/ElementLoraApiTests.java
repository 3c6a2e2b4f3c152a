package app.kadr.element;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An element's LoRA through the API: an entry of the catalog (which only an admin adds) and a weight within what its
 * provider takes (fal flux-lora's scale 0…4, Runware's weight −4…4); each change is a new version, and a bad one a
 * Russian 400 that writes nothing.
 */
@KadrTest
class ElementLoraApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String falLora;
    String runwareLora;

    @BeforeEach
    void aProjectAndTwoLorasInTheCatalog() {
        Studio.Person admin = studio.newAdmin();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        falLora = lora(admin, "fal", "https://loras.example.org/" + unique + ".safetensors", 0.8);
        runwareLora = lora(admin, "runware", "civitai:58390@" + Math.abs(unique.hashCode()), 1);
        person = studio.newPerson();
        project = studio.newProject(person, "LoRA");
    }

    @Test
    void anElementTakesALoraAtItsDefaultWeightAndEachChangeIsANewVersion() {
        Api.Response created = create(Map.of("loraModelId", falLora));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode anya = created.json();
        assertThat(anya.path("loraModelId").asString()).isEqualTo(falLora);
        assertThat(anya.path("loraWeight").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(anya.path("loraName").asString()).isEqualTo("LoRA fal");
        String id = anya.path("id").asString();

        JsonNode weighed = patch(id, Map.of("loraWeight", 1.25)).json();
        assertThat(weighed.path("version").asInt()).isEqualTo(2);
        assertThat(weighed.path("loraWeight").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(patch(id, Map.of("loraWeight", 1.25)).json().path("version").asInt())
                .as("the same weight again changes nothing")
                .isEqualTo(2);

        JsonNode runware = patch(id, Map.of("loraModelId", runwareLora)).json();
        assertThat(runware.path("version").asInt()).isEqualTo(3);
        assertThat(runware.path("loraWeight").decimalValue())
                .as("another LoRA starts at its own default")
                .isEqualByComparingTo("1");

        JsonNode none = patch(id, Map.of("loraModelId", "")).json();
        assertThat(none.path("version").asInt()).isEqualTo(4);
        assertThat(none.path("loraModelId").isNull()).isTrue();
        assertThat(none.path("loraWeight").isNull()).isTrue();

        JsonNode versions =
                person.api().get("/api/v1/elements/" + id + "/versions").json().path("items");
        assertThat(versions.get(3).path("loraWeight").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(versions.get(2).path("loraWeight").decimalValue()).isEqualByComparingTo("1.25");
    }

    @Test
    void anUnknownLoraOrAWeightOutsideTheProvidersRangeIsARussian400() {
        assertRefused(create(Map.of("loraModelId", UUID.randomUUID().toString())), "loraModelId", "нет в каталоге");
        assertRefused(create(Map.of("loraModelId", "not-a-uuid")), "loraModelId", "нет в каталоге");
        assertRefused(create(Map.of("loraModelId", falLora, "loraWeight", -0.5)), "loraWeight", "от 0 до 4");
        assertRefused(create(Map.of("loraModelId", runwareLora, "loraWeight", 4.5)), "loraWeight", "от -4 до 4");
        assertRefused(create(Map.of("loraWeight", 0.5)), "loraWeight", "сначала выберите LoRA");
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/elements")
                        .json()
                        .path("items"))
                .isEmpty();

        String id = create(Map.of("loraModelId", runwareLora, "loraWeight", -1.5))
                .json()
                .path("id")
                .asString();
        assertRefused(patch(id, Map.of("loraModelId", falLora, "loraWeight", -1.5)), "loraWeight", "от 0 до 4");
        assertThat(person.api()
                        .get("/api/v1/elements/" + id)
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void onlyAnAdminAddsLorasAndABadIdIsRefusedInRussian() {
        Api.Response byPerson = person.api()
                .post("/api/v1/loras", Map.of("provider", "fal", "externalId", "https://x.example.org/a.safetensors"));
        assertThat(byPerson.status()).isIn(403, 404);
        assertThat(person.api().get("/api/v1/loras").json().path("items").toString())
                .contains(falLora, runwareLora);

        Studio.Person admin = studio.newAdmin();
        Api.Response notAir = admin.api()
                .post("/api/v1/loras", Map.of("provider", "runware", "externalId", "https://x.example.org/a"));
        assertRefused(notAir, "externalId", "civitai:58390@62833");
        Api.Response openAi = admin.api().post("/api/v1/loras", Map.of("provider", "openai", "externalId", "x"));
        assertRefused(openAi, "provider", "не принимает LoRA");
        Api.Response heavy = admin.api()
                .post(
                        "/api/v1/loras",
                        Map.of("provider", "fal", "externalId", "https://x.example.org/b", "defaultWeight", 9));
        assertRefused(heavy, "defaultWeight", "от 0 до 4");
    }

    private String lora(Studio.Person admin, String provider, String externalId, Number weight) {
        Api.Response created = admin.api()
                .post(
                        "/api/v1/loras",
                        Map.of(
                                "provider",
                                provider,
                                "externalId",
                                externalId,
                                "name",
                                "LoRA " + provider,
                                "triggerWord",
                                "tok",
                                "defaultWeight",
                                weight));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private Api.Response create(Map<String, Object> lora) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "character");
        body.put("handle", "Аня");
        body.putAll(lora);
        return person.api().post("/api/v1/projects/" + project + "/elements", body);
    }

    private Api.Response patch(String id, Map<String, Object> body) {
        return person.api().patch("/api/v1/elements/" + id, body);
    }

    private static void assertRefused(Api.Response response, String field, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.text()).contains(field);
        assertThat(response.json().path("detail").asString()).contains(words);
    }
}
