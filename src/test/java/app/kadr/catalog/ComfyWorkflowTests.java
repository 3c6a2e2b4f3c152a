package app.kadr.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The seeded ComfyUI model's stored SDXL graph is what reaches a ComfyUI server, with the generation's values in
 * place of its placeholders: the catalog, the job and the adapter together, against a fake ComfyUI (WireMock).
 */
@KadrTest
@Import(CatalogFixtures.class)
class ComfyWorkflowTests {

    private static final String DONE = """
            {"p-e2e": {
              "outputs": {"9": {"images": [{"filename": "kadr_00001_.png", "subfolder": "", "type": "output"}]}},
              "status": {"status_str": "success", "completed": true, "messages": []}
            }}""";

    private final WireMockServer comfy =
            new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    @Autowired
    Studio studio;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    CatalogSeeder seeder;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Studio.Person admin;
    String provider;
    String defaultAddress;

    @BeforeEach
    void aComfyUiServer() {
        comfy.start();
        admin = fixtures.newAdmin();
        provider = fixtures.providerId("comfyui");
        defaultAddress = ProviderKind.COMFYUI.defaultBaseUrl();
        // ComfyUI is seeded off until an admin points it at a server: this test is that admin.
        Api.Response pointed =
                admin.api().patch("/api/v1/providers/" + provider, Map.of("baseUrl", comfy.baseUrl(), "enabled", true));
        assertThat(pointed.status()).as(pointed.toString()).isEqualTo(200);
    }

    @AfterEach
    void back() {
        admin.api().patch("/api/v1/providers/" + provider, Map.of("baseUrl", defaultAddress, "enabled", false));
        comfy.stop();
    }

    @Test
    void theStoredWorkflowReachesComfyUiWithItsPlaceholdersFilled() {
        comfy.stubFor(post("/prompt").willReturn(json("{\"prompt_id\":\"p-e2e\",\"number\":1,\"node_errors\":{}}")));
        comfy.stubFor(get("/history/p-e2e").willReturn(json(DONE)));
        comfy.stubFor(get("/queue").willReturn(json("{\"queue_running\":[],\"queue_pending\":[]}")));
        comfy.stubFor(get(urlPathEqualTo("/view"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withBody(Samples.png(832, 1216))));
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Свой ComfyUI"), "Маяк");
        String model = null;
        for (JsonNode m :
                person.api().get("/api/v1/models?provider=comfyui").json().path("items")) {
            if (m.path("externalId").asString().equals("comfyui/sdxl-txt2img")) {
                model = m.path("id").asString();
            }
        }

        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                model,
                                "prompt",
                                "маяк в шторм",
                                "params",
                                Map.of("seed", 4242, "width", 832, "height", 1216, "steps", 20, "guidance", 6.5)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done =
                studio.awaitGeneration(person, started.json().get(0).path("id").asString());

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        comfy.verify(exactly(1), postRequestedFor(urlEqualTo("/prompt")).withRequestBody(equalToJson("""
                {"client_id": "${json-unit.any-string}", "prompt_id": "${json-unit.any-string}",
                 "prompt": {
                  "3": {"class_type": "KSampler",
                        "inputs": {"seed": 4242, "steps": 20, "cfg": 6.5, "sampler_name": "dpmpp_2m",
                                   "scheduler": "karras", "denoise": 1, "model": ["4", 0], "positive": ["6", 0],
                                   "negative": ["7", 0], "latent_image": ["5", 0]}},
                  "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
                  "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
                  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "маяк в шторм", "clip": ["4", 1]}},
                  "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
                  "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
                  "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "kadr", "images": ["8", 0]}}
                 }}""")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void aStudioSeededBeforeWorkflowsGetsTheGraphButAModelAnAdminChangedIsLeftAlone() {
        String sdxl = "comfyui/sdxl-txt2img";
        String workflow = jdbc.sql("select workflow from models where external_id = ?")
                .param(sdxl)
                .query(String.class)
                .single();
        try {
            jdbc.sql("update models set workflow = null, updated_at = created_at where external_id = ?")
                    .param(sdxl)
                    .update();
            seeder.seed();
            assertThat(storedWorkflow(sdxl)).isEqualTo(workflow);

            jdbc.sql("update models set workflow = null where external_id = ?")
                    .param(sdxl)
                    .update();
            seeder.seed();
            assertThat(storedWorkflow(sdxl)).isNull();
        } finally {
            jdbc.sql("update models set workflow = ? where external_id = ?")
                    .params(workflow, sdxl)
                    .update();
        }
    }

    private String storedWorkflow(String externalId) {
        return jdbc.sql("select workflow from models where external_id = ?")
                .param(externalId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
