package app.kadr.generation;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.model;
import static app.kadr.generation.FalStubs.pointAt;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An element's LoRA goes with its @mention to models that take LoRAs, in each provider's own shape, with its trigger
 * word in the prompt; a model that takes none gets the words alone and the generation says so. The shapes:
 *
 * <ul>
 * <li>fal {@code fal-ai/flux-lora}: {@code loras: [{path, scale}]} — fal-js {@code libs/client/src/types/endpoints.ts}
 *     ({@code FluxLoraInput.loras?: Array<LoraWeight>}, {@code LoraWeight = {path: string; scale?: number}}, commit
 *     381105e1), and https://fal.ai/models/fal-ai/flux-lora/api («loras list&lt;LoraWeight&gt;»).
 * <li>Runware {@code imageInference}: {@code lora: [{model, weight}]} with the LoRA's AIR — Runware/sdk-python
 *     {@code runware/types.py} ({@code ILora(model: str, weight: float)}, {@code IImageInference.lora}) and
 *     {@code docs/text_to_image.md} («To use LoRA, include a lora array … model: AIR identifier of the LoRA model,
 *     weight»), commit 5cad9352.
 * </ul>
 */
@GenerationJobTest
class ElementLoraTests {

    static final String QUEUED = "{\"request_id\":\"req-lora\",\"status\":\"IN_QUEUE\"}";
    static final String DESCRIBED = "Аня (девушка 20 лет, рыжие волосы) идёт по берегу";

    private static final WireMockServer fake = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    private Studio.Person person;
    private String project;
    private String shot;
    private String falPath;
    private String falLora;
    private String runwareAir;
    private String runwareLora;

    @BeforeAll
    static void startFake() {
        fake.start();
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @BeforeEach
    void aFalLoraAndARunwareLoraInTheCatalog() {
        fake.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fake, 8);
        pointAt(person, "runware", fake.baseUrl() + "/v1", "rw-test-key", 4);
        project = studio.newProject(person, "LoRA");
        shot = studio.newShot(person, project, "Берег");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        falPath = "https://loras.example.org/anya-" + unique + ".safetensors";
        falLora = lora(Map.of(
                "provider", "fal",
                "externalId", falPath,
                "name", "Аня (fal)",
                "triggerWord", "anyaxyz",
                "defaultWeight", 0.8));
        runwareAir = "civitai:58390@" + Math.abs(unique.hashCode());
        runwareLora = lora(Map.of(
                "provider", "runware",
                "externalId", runwareAir,
                "name", "Аня (Runware)",
                "triggerWord", "anyarw",
                "defaultWeight", 1));
    }

    @Test
    void falFluxLoraGetsTheLoraAsPathAndScaleAndTheTriggerWordLeadsThePrompt() {
        String anya = anya(falLora, null);
        fake.stubFor(post("/fal-ai/flux-lora").willReturn(json(200, QUEUED)));

        Api.Response started = generate(falModel(person, "fal-ai/flux-lora"));

        JsonNode sent =
                JsonMapper.shared().readTree(firstRequest("/fal-ai/flux-lora").getBodyAsString());
        assertThat(sent).isEqualTo(JsonMapper.shared().readTree("""
                        {"image_size":"landscape_4_3","num_inference_steps":28,"guidance_scale":3.5,
                         "output_format":"jpeg","enable_safety_checker":true,
                         "prompt":"anyaxyz, %s","loras":[{"path":"%s","scale":0.8}],"seed":7,"num_images":1}""".formatted(DESCRIBED, falPath)));
        JsonNode loras = generation(started).path("loras");
        assertThat(loras.path("sent")).hasSize(1);
        assertThat(loras.path("sent").get(0).path("loraId").asString()).isEqualTo(falLora);
        assertThat(loras.path("sent").get(0).path("elementId").asString()).isEqualTo(anya);
        assertThat(loras.path("sent").get(0).path("weight").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(loras.path("notSent")).isEmpty();
        assertThat(loras.path("note").isNull()).isTrue();
    }

    @Test
    void runwareImageInferenceGetsTheLoraAsModelAndWeightWithTheElementsOwnWeight() {
        anya(runwareLora, 0.65);
        fake.stubFor(post("/v1").willReturn(json(200, "{\"data\":[]}")));

        Api.Response started = generate(model(person, "runware", "runware:101@1"));

        ObjectNode task = (ObjectNode) JsonMapper.shared()
                .readTree(firstRequest("/v1").getBodyAsString())
                .get(0);
        assertThat(task.remove("taskUUID").asString()).isNotBlank();
        assertThat(task).isEqualTo(JsonMapper.shared().readTree("""
                        {"width":1024,"height":768,"steps":28,"CFGScale":3.5,"outputFormat":"JPG",
                         "positivePrompt":"anyarw, %s","lora":[{"model":"%s","weight":0.65}],"seed":7,
                         "numberResults":1,"taskType":"imageInference","model":"runware:101@1",
                         "outputType":"URL","includeCost":true,"checkNSFW":true}""".formatted(DESCRIBED, runwareAir)));
        assertThat(generation(started)
                        .path("loras")
                        .path("sent")
                        .get(0)
                        .path("weight")
                        .decimalValue())
                .isEqualByComparingTo("0.65");
    }

    @Test
    void aModelThatTakesNoLorasGetsTheWordsAloneAndTheGenerationSaysSo() {
        anya(falLora, null);
        fake.stubFor(post("/fal-ai/flux/dev").willReturn(json(200, QUEUED)));

        Api.Response started = generate(falModel(person, "fal-ai/flux/dev"));

        JsonNode sent =
                JsonMapper.shared().readTree(firstRequest("/fal-ai/flux/dev").getBodyAsString());
        assertThat(sent.path("prompt").asString()).isEqualTo(DESCRIBED);
        assertThat(sent.has("loras")).isFalse();
        JsonNode loras = generation(started).path("loras");
        assertThat(loras.path("sent")).isEmpty();
        assertThat(loras.path("notSent")).hasSize(1);
        assertThat(loras.path("note").asString())
                .isEqualTo("Модель не принимает LoRA элементов: ушли только описания, без LoRA.");
    }

    @Test
    void aLoraOfAnotherProviderIsNotSentEvenWhereTheModelTakesLoras() {
        anya(runwareLora, null);
        fake.stubFor(post("/fal-ai/flux-lora").willReturn(json(200, QUEUED)));

        Api.Response started = generate(falModel(person, "fal-ai/flux-lora"));

        JsonNode sent =
                JsonMapper.shared().readTree(firstRequest("/fal-ai/flux-lora").getBodyAsString());
        assertThat(sent.has("loras")).isFalse();
        assertThat(sent.path("prompt").asString()).isEqualTo(DESCRIBED);
        assertThat(generation(started).path("loras").path("notSent")).hasSize(1);
        fake.verify(0, postRequestedFor(urlEqualTo("/v1")).withRequestBody(matchingJsonPath("$[0].lora")));
        fake.verify(
                0,
                postRequestedFor(urlEqualTo("/fal-ai/flux-lora"))
                        .withRequestBody(matchingJsonPath("$.prompt", equalTo("anyarw, " + DESCRIBED))));
    }

    @Test
    void aRepeatARemixAndASmartEditOfATakeMadeWithAnElementSendItsLoraAgainInTheElementsCurrentVersion()
            throws Exception {
        String anya = anya(falLora, null);
        String model = falModel(person, "fal-ai/flux-lora");
        fake.stubFor(post("/fal-ai/flux-lora").willReturn(json(200, QUEUED)));
        fake.stubFor(get(urlPathEqualTo("/fal-ai/flux-lora/requests/req-lora/status"))
                .willReturn(json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        fake.stubFor(get("/fal-ai/flux-lora/requests/req-lora").willReturn(json(200, """
                {"images":[{"url":"%s/files/anya.png","content_type":"image/png"}],"seed":7}""".formatted(fake.baseUrl()))));
        fake.stubFor(get("/files/anya.png")
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(FalStubs.picture())));
        JsonNode first = studio.awaitGeneration(
                person, generate(model).json().get(0).path("id").asString());
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("done");
        String take = first.path("assetIds").get(0).asString();
        Api.Response heavier = person.api().patch("/api/v1/elements/" + anya, Map.of("loraWeight", 1.5));
        assertThat(heavier.json().path("version").asInt())
                .as(heavier.toString())
                .isEqualTo(2);

        List<JsonNode> derived = List.of(
                person.api().post("/api/v1/assets/" + take + "/repeat", null).json(),
                person.api().post("/api/v1/assets/" + take + "/remix", null).json(),
                person.api()
                        .post("/api/v1/assets/" + take + "/smart-edit", Map.of("instruction", "сделай ночь"))
                        .json()
                        .path("generation"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> fake.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora")))
                                .size()
                        == 4);
        for (LoggedRequest again :
                fake.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora"))).subList(1, 4)) {
            JsonNode sent = JsonMapper.shared().readTree(again.getBodyAsString());
            assertThat(sent.path("loras"))
                    .as("the element's LoRA at its new weight")
                    .isEqualTo(JsonMapper.shared().readTree("[{\"path\":\"%s\",\"scale\":1.5}]".formatted(falPath)));
            assertThat(sent.path("prompt").asString())
                    .as("one trigger word and the description spelled out once")
                    .startsWith("anyaxyz, Аня (девушка 20 лет, рыжие волосы)")
                    .containsOnlyOnce("anyaxyz")
                    .containsOnlyOnce("рыжие волосы");
        }
        for (JsonNode generation : derived) {
            JsonNode made = person.api()
                    .get("/api/v1/generations/" + generation.path("id").asString())
                    .json();
            assertThat(made.path("elements")).as(made.toString()).hasSize(1);
            assertThat(made.path("elements").get(0).path("id").asString()).isEqualTo(anya);
            assertThat(made.path("elements").get(0).path("version").asInt())
                    .as("made with the element as it is now, so not «Устарело»")
                    .isEqualTo(2);
        }
        assertThat(derived.get(0).path("seed").asLong())
                .as("a repeat keeps the seed")
                .isEqualTo(7);

        JsonNode without = person.api()
                .post(
                        "/api/v1/assets/" + take + "/smart-edit",
                        Map.of("instruction", "убери Аню", "prompt", "пустой берег ночью"))
                .json()
                .path("generation");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fake.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora")))
                                .size()
                        == 5);
        JsonNode last = JsonMapper.shared()
                .readTree(fake.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux-lora")))
                        .get(4)
                        .getBodyAsString());
        assertThat(last.has("loras"))
                .as("an edit that took @Аня out does not bring her back")
                .isFalse();
        assertThat(last.path("prompt").asString()).isEqualTo("пустой берег ночью");
        assertThat(person.api()
                        .get("/api/v1/generations/" + without.path("id").asString())
                        .json()
                        .path("elements"))
                .isEmpty();
    }

    private String lora(Map<String, Object> body) {
        Api.Response created = person.api().post("/api/v1/loras", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String anya(String loraId, Double weight) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "character");
        body.put("handle", "Аня");
        body.put("description", "девушка 20 лет, рыжие волосы");
        body.put("loraModelId", loraId);
        if (weight != null) {
            body.put("loraWeight", weight);
        }
        Api.Response created = person.api().post("/api/v1/projects/" + project + "/elements", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private Api.Response generate(String model) {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", model, "prompt", "@Аня идёт по берегу", "params", Map.of("seed", 7)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started;
    }

    private JsonNode generation(Api.Response started) {
        return person.api()
                .get("/api/v1/generations/" + started.json().get(0).path("id").asString())
                .json();
    }

    private static LoggedRequest firstRequest(String path) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !fake.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        List<LoggedRequest> requests = fake.findAll(postRequestedFor(urlEqualTo(path)));
        return requests.getFirst();
    }
}
