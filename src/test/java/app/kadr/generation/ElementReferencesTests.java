package app.kadr.generation;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An @mention brings its element's look along: the reference images reach the provider the way the model's catalog
 * row says (fal's FLUX.1 Kontext [pro] multi takes them as {@code image_urls}, a list of file URLs: fal's
 * model-api-reference/image-generation-api/flux-pro-kontext-multi; a data URI is accepted wherever fal takes a file
 * URL), the offline engine pins them into its sketch, and a model that takes none gets the words alone and says so.
 */
@GenerationJobTest
class ElementReferencesTests {

    static final String QUEUED = "{\"request_id\":\"req-refs\",\"status\":\"IN_QUEUE\"}";
    static final String PROMPT = "@Аня идёт по @Маяк";
    static final String EXPANDED = "Аня (девушка 20 лет, рыжие волосы) идёт по Маяк (старый маяк на скале)";

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    private Studio.Person person;
    private String shot;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void anyaInRedAndTheLighthouseInBlue() {
        fal.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fal, 8);
        String project = studio.newProject(person, "Маяк");
        shot = studio.newShot(person, project, "Берег");
        List<String> takes = studio.upload(
                person,
                shot,
                new Api.NamedBytes("anya.png", solid(64, 48, Color.RED)),
                new Api.NamedBytes("mayak.png", solid(48, 64, Color.BLUE)));
        takes.forEach(take -> studio.awaitProcessed(person, take));
        element(project, "character", "Аня", "девушка 20 лет, рыжие волосы", takes.get(0));
        element(project, "location", "Маяк", "старый маяк на скале", takes.get(1));
    }

    @Test
    void bothDescriptionsAndBothReferencesReachFalAsImageUrlsInTheOrderNamed() throws IOException {
        fal.stubFor(post("/fal-ai/flux-pro/kontext/multi").willReturn(json(200, QUEUED)));

        Api.Response started = generate(falModel(person, "fal-ai/flux-pro/kontext/multi"));

        JsonNode sent = submitted("/fal-ai/flux-pro/kontext/multi");
        assertThat(sent.path("prompt").asString()).isEqualTo(EXPANDED);
        assertThat(sent.path("image_urls")).hasSize(2);
        BufferedImage first =
                FalEditsTests.dataUri(sent.path("image_urls").get(0).asString());
        BufferedImage second =
                FalEditsTests.dataUri(sent.path("image_urls").get(1).asString());
        assertThat(new int[] {first.getWidth(), first.getHeight(), first.getRGB(5, 5) & 0xffffff})
                .containsExactly(64, 48, 0xff0000);
        assertThat(new int[] {second.getWidth(), second.getHeight(), second.getRGB(5, 5) & 0xffffff})
                .containsExactly(48, 64, 0x0000ff);
        JsonNode references = started.json().get(0).path("references");
        assertThat(references.path("sent")).hasSize(2);
        assertThat(references.path("notSent")).isEmpty();
        assertThat(references.path("note").isNull()).isTrue();
    }

    @Test
    void aModelThatTakesNoReferencesGetsTheWordsAloneAndTheGenerationSaysSo() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(200, QUEUED)));

        Api.Response started = generate(falModel(person, "fal-ai/flux/dev"));

        JsonNode sent = submitted("/fal-ai/flux/dev");
        assertThat(sent.path("prompt").asString()).isEqualTo(EXPANDED);
        assertThat(sent.toString()).doesNotContain("data:image").doesNotContain("$source");
        assertThat(sent.has("image_urls")).isFalse();
        JsonNode references = person.api()
                .get("/api/v1/generations/" + started.json().get(0).path("id").asString())
                .json()
                .path("references");
        assertThat(references.path("sent")).isEmpty();
        assertThat(references.path("notSent")).hasSize(2);
        assertThat(references.path("note").asString())
                .isEqualTo("Модель не принимает референсы: ушло только описание элементов.");
    }

    @Test
    void aBatchDryRunSaysWhichShotsWouldGoAsTextOnlyWithAModelThatTakesNoReferences() {
        String project = person.api()
                .get("/api/v1/shots/" + shot)
                .json()
                .path("projectId")
                .asString();
        Api.Response described = person.api()
                .post("/api/v1/projects/" + project + "/shots", Map.of("title", "Маяк", "description", PROMPT));
        assertThat(described.status()).as(described.toString()).isEqualTo(201);
        String mentioning = described.json().path("id").asString();
        String plain = person.api()
                .post("/api/v1/projects/" + project + "/shots", Map.of("title", "Море", "description", "волны"))
                .json()
                .path("id")
                .asString();

        JsonNode textOnly = dryRun(List.of(mentioning, plain), falModel(person, "fal-ai/flux/dev"));
        JsonNode withReferences = dryRun(List.of(mentioning, plain), falModel(person, "fal-ai/flux-pro/kontext/multi"));

        assertThat(textOnly.path("textOnlyShots").asInt()).isEqualTo(1);
        assertThat(withReferences.path("textOnlyShots").asInt()).isZero();
    }

    private JsonNode dryRun(List<String> shots, String model) {
        String project = person.api()
                .get("/api/v1/shots/" + shot)
                .json()
                .path("projectId")
                .asString();
        Api.Response plan = person.api()
                .post(
                        "/api/v1/projects/" + project + "/batches",
                        Map.of("shotIds", shots, "modelId", model, "dryRun", true));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json();
    }

    @Test
    void theOfflineEngineDrawsTheReferencesIntoItsSketchInTheOrderNamed() throws IOException {
        Api.Response started = generate(studio.localModel(person, "local/draft"));
        String take = studio.awaitTake(person, started.json().get(0).path("id").asString());

        BufferedImage draft = ImageIO.read(new ByteArrayInputStream(
                person.api().get("/api/v1/assets/" + take + "/content/original").bytes()));
        // 1280×720: cards 144 px high from y 548, the first (64×48 → 192 wide) from x 28, the second (48×64 → 108
        // wide) from x 262 (ReferenceCards: a fifth of the height, a 14 px mat and gaps of three mats).
        assertThat(draft.getRGB(124, 620) & 0xffffff).as("Аня's card").isEqualTo(0xff0000);
        assertThat(draft.getRGB(316, 620) & 0xffffff)
                .as("the lighthouse's card")
                .isEqualTo(0x0000ff);
        assertThat(started.json().get(0).path("references").path("sent")).hasSize(2);
    }

    private Api.Response generate(String model) {
        Api.Response started =
                person.api().post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", PROMPT));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started;
    }

    private void element(String project, String kind, String handle, String description, String reference) {
        Api.Response created = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of(
                                "kind",
                                kind,
                                "handle",
                                handle,
                                "description",
                                description,
                                "referenceAssetIds",
                                List.of(reference)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static JsonNode submitted(String path) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !fal.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        return JsonMapper.shared()
                .readTree(fal.findAll(postRequestedFor(urlEqualTo(path)))
                        .getFirst()
                        .getBodyAsString());
    }

    private static byte[] solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
