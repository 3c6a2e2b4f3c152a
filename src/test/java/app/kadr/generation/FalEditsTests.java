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
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
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
 * Inpaint and outpaint reach fal in the shapes its model pages give, from the catalog's models through the whole
 * studio: FLUX LoRA inpainting (https://fal.ai/models/fal-ai/flux-lora/inpainting/api) takes {@code image_url} and
 * {@code mask_url}; Bria Expand (https://fal.ai/models/fal-ai/bria/expand/api) takes {@code image_url},
 * {@code canvas_size} [w, h], {@code original_image_size} [w, h] and {@code original_image_location} [x, y], and its
 * {@code aspect_ratio} would override the placement, so it is never sent. Files go as data URIs, which fal accepts
 * wherever it takes a file URL.
 */
@GenerationJobTest
class FalEditsTests {

    static final String QUEUED = "{\"request_id\":\"req-edit\",\"status\":\"IN_QUEUE\"}";

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    private Studio.Person person;
    private String shot;
    private String image;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void aWidePictureWithFalPointedAtTheFake() {
        fal.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fal, 8);
        shot = studio.newShot(person, studio.newProject(person, "Правки fal"), "Пирс");
        image = studio.upload(person, shot, new Api.NamedBytes("пирс.png", Samples.png(320, 180)))
                .getFirst();
        studio.awaitProcessed(person, image);
    }

    @Test
    void anInpaintSendsThePictureAndTheMaskWithThePaintedAreaWhite() throws IOException {
        fal.stubFor(post("/fal-ai/flux-lora/inpainting").willReturn(json(200, QUEUED)));
        BufferedImage drawn = new BufferedImage(320, 180, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawn.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(200, 20, 100, 100);
        g.dispose();
        String mask = person.api()
                .upload("/api/v1/assets/" + image + "/masks", new Api.NamedBytes("mask.png", png(drawn)))
                .id();

        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                falModel(person, "fal-ai/flux-lora/inpainting"),
                                "prompt",
                                "чайка на перилах",
                                "sourceAssetIds",
                                List.of(image),
                                "maskAssetId",
                                mask));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        JsonNode sent = submitted("/fal-ai/flux-lora/inpainting");
        assertThat(sent.path("prompt").asString()).isEqualTo("чайка на перилах");
        assertThat(sent.path("image_url").asString()).startsWith("data:image/png;base64,");
        BufferedImage maskSent = dataUri(sent.path("mask_url").asString());
        assertThat(maskSent.getWidth()).isEqualTo(320);
        assertThat(maskSent.getRGB(250, 70) & 0xffffff).as("painted").isEqualTo(0xffffff);
        assertThat(maskSent.getRGB(50, 70) & 0xffffff).as("kept").isZero();
        assertThat(sent.path("strength").asDouble()).isEqualTo(0.85);
    }

    @Test
    void anOutpaintTo916SendsTheCanvasAndWhereThePictureSitsOnIt() {
        fal.stubFor(post("/fal-ai/bria/expand").willReturn(json(200, QUEUED)));

        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId", falModel(person, "fal-ai/bria/expand"),
                                "prompt", "",
                                "sourceAssetIds", List.of(image),
                                "params", Map.of("aspectRatio", "9:16", "offsetY", 1)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        JsonNode sent = submitted("/fal-ai/bria/expand");
        assertThat(sent.path("image_url").asString()).startsWith("data:image/png;base64,");
        assertThat(ints(sent.path("canvas_size"))).containsExactly(320, 569);
        assertThat(ints(sent.path("original_image_size"))).containsExactly(320, 180);
        assertThat(ints(sent.path("original_image_location")))
                .as("at the bottom")
                .containsExactly(0, 389);
        assertThat(sent.has("aspect_ratio")).isFalse();
        assertThat(sent.has("aspectRatio")).isFalse();
        assertThat(sent.has("offsetY")).isFalse();
    }

    private static JsonNode submitted(String path) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !fal.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        String body = fal.findAll(postRequestedFor(urlEqualTo(path))).getFirst().getBodyAsString();
        return JsonMapper.shared().readTree(body);
    }

    static BufferedImage dataUri(String uri) throws IOException {
        assertThat(uri).startsWith("data:image/png;base64,");
        byte[] bytes = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static List<Integer> ints(JsonNode array) {
        return array.valueStream().map(JsonNode::asInt).toList();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
