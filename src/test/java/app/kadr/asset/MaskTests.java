package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Masks for inpainting and the two picture edits of the offline engine, through the API: a mask is checked by its
 * content, brought to its image's size in black and white, kept out of the feed, and a generation takes only a mask
 * of its own source; the engine fills a mask from the surroundings and extends a frame to 9:16.
 */
@KadrTest
class MaskTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String shot;
    String image;

    @BeforeEach
    void anImageTake() {
        person = studio.newPerson();
        shot = studio.newShot(person, studio.newProject(person, "Маски"), "Пирс");
        image = studio.upload(person, shot, new NamedBytes("пирс.png", Samples.png(320, 180)))
                .getFirst();
        studio.awaitProcessed(person, image);
    }

    @Test
    void aMaskDrawnAtAnotherSizeIsStoredAtTheImagesSizeInBlackAndWhiteAndStaysOutOfTheFeed() throws IOException {
        // A browser canvas at half size: transparent everywhere but a white stroke over the left half.
        BufferedImage drawn = new BufferedImage(160, 90, BufferedImage.TYPE_INT_ARGB);
        paint(drawn, Color.WHITE, 0, 0, 80, 90);

        Api.Response created = uploadMask(image, png(drawn));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode mask = created.json();
        assertThat(mask.path("kind").asString()).isEqualTo("mask");
        assertThat(mask.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(mask.path("width").asInt()).isEqualTo(320);
        assertThat(mask.path("height").asInt()).isEqualTo(180);
        BufferedImage stored = read(
                person.api().get(mask.path("urls").path("original").asString()).bytes());
        assertThat(stored.getWidth()).isEqualTo(320);
        assertThat(stored.getRGB(20, 90) & 0xffffff).as("painted").isEqualTo(0xffffff);
        assertThat(stored.getRGB(300, 90) & 0xffffff).as("left alone").isZero();

        List<String> feed = person.api()
                .get("/api/v1/shots/" + shot + "/assets")
                .json()
                .path("items")
                .valueStream()
                .map(asset -> asset.path("id").asString())
                .toList();
        assertThat(feed).containsExactly(image);
        assertThat(person.api()
                        .get("/api/v1/assets/" + mask.path("id").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMaskIsCheckedByItsContentAndOnlyOnOnesOwnImage() throws IOException {
        Api.Response jpeg = uploadMask(image, Samples.jpeg(320, 180));
        assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(400);
        assertThat(jpeg.json().path("field").asString()).isEqualTo("file");
        assertThat(jpeg.json().path("detail").asString()).contains("PNG");

        Api.Response notAnImage = uploadMask(image, "\u0089PNG\r\n\u001a\nnot really".getBytes());
        assertThat(notAnImage.status()).as(notAnImage.toString()).isEqualTo(400);

        BufferedImage black = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Api.Response empty = uploadMask(image, png(black));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().path("detail").asString()).contains("ничего не закрашено");

        Studio.Person stranger = studio.newPerson();
        Api.Response theirs =
                stranger.api().upload("/api/v1/assets/" + image + "/masks", new NamedBytes("mask.png", leftHalf()));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);

        String mask = uploadMask(image, leftHalf()).id();
        Api.Response ofAMask = uploadMask(mask, leftHalf());
        assertThat(ofAMask.status()).as(ofAMask.toString()).isEqualTo(400);

        // A mask stays with its image: it is not a take to copy into another shot.
        Api.Response copied = person.api().post("/api/v1/assets/" + mask + "/copy", Map.of("shotId", shot));
        assertThat(copied.status()).as(copied.toString()).isEqualTo(400);
    }

    @Test
    void anInpaintTakesOnlyAMaskOfItsOwnSource() throws IOException {
        String fill = studio.localModel(person, "local/fill");
        String other = studio.upload(person, shot, new NamedBytes("другой.png", Samples.png(320, 180)))
                .getFirst();
        studio.awaitProcessed(person, other);
        String maskOfOther = uploadMask(other, leftHalf()).id();

        Api.Response wrongImage = inpaint(fill, image, maskOfOther);
        assertThat(wrongImage.status()).as(wrongImage.toString()).isEqualTo(400);
        assertThat(wrongImage.json().path("field").asString()).isEqualTo("maskAssetId");
        assertThat(wrongImage.json().path("detail").asString()).contains("другом изображении");

        Api.Response notAMask = inpaint(fill, image, other);
        assertThat(notAMask.status()).as(notAMask.toString()).isEqualTo(400);
        assertThat(notAMask.json().path("field").asString()).isEqualTo("maskAssetId");

        Api.Response noMask = inpaint(fill, image, null);
        assertThat(noMask.status()).as(noMask.toString()).isEqualTo(400);
        assertThat(noMask.json().path("field").asString()).isEqualTo("maskAssetId");

        Studio.Person stranger = studio.newPerson();
        String theirShot = studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой");
        String theirImage = studio.upload(stranger, theirShot, new NamedBytes("чужой.png", Samples.png(320, 180)))
                .getFirst();
        studio.awaitProcessed(stranger, theirImage);
        String theirMask = stranger.api()
                .upload("/api/v1/assets/" + theirImage + "/masks", new NamedBytes("mask.png", leftHalf()))
                .id();
        Api.Response someoneElses = inpaint(fill, image, theirMask);
        assertThat(someoneElses.status()).as(someoneElses.toString()).isEqualTo(404);

        Api.Response plain = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                studio.localModel(person, "local/draft"),
                                "prompt",
                                "пирс",
                                "maskAssetId",
                                maskOfOther));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(400);
        assertThat(plain.json().path("field").asString()).isEqualTo("maskAssetId");
    }

    @Test
    void theOfflineEngineFillsTheMaskFromTheSurroundingsAndLeavesTheRestAlone() throws IOException {
        // A grey picture with a red square in the middle; the mask covers the square.
        BufferedImage picture = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        paint(picture, new Color(0x606060), 0, 0, 200, 120);
        paint(picture, Color.RED, 90, 50, 20, 20);
        String still = studio.upload(person, shot, new NamedBytes("квадрат.png", png(picture)))
                .getFirst();
        studio.awaitProcessed(person, still);
        BufferedImage mask = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        paint(mask, Color.WHITE, 85, 45, 30, 30);
        String maskId = uploadMask(still, png(mask)).id();

        Api.Response started = inpaint(studio.localModel(person, "local/fill"), still, maskId);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String take = studio.awaitTake(person, started.json().get(0).path("id").asString());

        JsonNode result = person.api().get("/api/v1/assets/" + take).json();
        assertThat(result.path("generation")
                        .path("sourceAssetIds")
                        .valueStream()
                        .map(JsonNode::asString))
                .as("the mask is part of the take's provenance")
                .containsExactly(still, maskId);
        BufferedImage filled = read(person.api()
                .get(result.path("urls").path("original").asString())
                .bytes());
        assertThat(filled.getRGB(100, 60) & 0xffffff).as("the square is gone").isEqualTo(0x606060);
        assertThat(filled.getRGB(10, 10) & 0xffffff).as("the rest stays").isEqualTo(0x606060);
    }

    @Test
    void theOfflineEngineExtendsAWideFrameTo916WithTheImageWhereItWasPut() throws IOException {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId", studio.localModel(person, "local/extend"),
                                "sourceAssetIds", List.of(image),
                                "params", Map.of("aspectRatio", "9:16", "offsetY", 0)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String take = studio.awaitTake(person, started.json().get(0).path("id").asString());

        JsonNode result = person.api().get("/api/v1/assets/" + take).json();
        int width = result.path("width").asInt();
        int height = result.path("height").asInt();
        assertThat(width).isEqualTo(320);
        assertThat(height * 9).isCloseTo(width * 16, org.assertj.core.data.Offset.offset(16));
        assertThat(result.path("generation")
                        .path("params")
                        .path("imageLocation")
                        .valueStream()
                        .map(JsonNode::asInt))
                .as("the image sits at the top")
                .containsExactly(0, 0);
        assertThat(result.path("generation").path("sourceAssetIds").get(0).asString())
                .isEqualTo(image);
    }

    @Test
    void anInpaintedTakeMadeWithAnElementIsMadeAgainWithItsMaskWhenTheElementChanges() throws IOException {
        String project = person.api()
                .get("/api/v1/shots/" + shot)
                .json()
                .path("projectId")
                .asString();
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "рыжая девушка"));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);
        String mask = uploadMask(image, leftHalf()).id();
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("modelId", studio.localModel(person, "local/fill"));
        request.put("prompt", "@Аня на пирсе");
        request.put("sourceAssetIds", List.of(image));
        request.put("maskAssetId", mask);
        Api.Response started = person.api().post("/api/v1/shots/" + shot + "/generations", request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        studio.awaitTake(person, started.json().get(0).path("id").asString());
        person.api().patch("/api/v1/elements/" + anya.id(), Map.of("description", "девушка с короткой стрижкой"));

        Api.Response run =
                person.api().post("/api/v1/projects/" + project + "/stale/regenerate", Map.of("dryRun", false));

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode again = studio.awaitGeneration(
                person, run.json().path("generationIds").get(0).asString());
        assertThat(again.path("status").asString()).as(again.toString()).isEqualTo("done");
        assertThat(again.path("sourceAssetIds").valueStream().map(JsonNode::asString))
                .as("the same image, and the same mask over it")
                .containsExactly(image, mask);
        assertThat(again.path("prompt").asString()).contains("девушка с короткой стрижкой");
    }

    private Api.Response inpaint(String model, String source, String mask) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("modelId", model);
        request.put("prompt", "пустой пирс");
        request.put("sourceAssetIds", List.of(source));
        if (mask != null) {
            request.put("maskAssetId", mask);
        }
        return person.api().post("/api/v1/shots/" + shot + "/generations", request);
    }

    private Api.Response uploadMask(String assetId, byte[] file) {
        return person.api().upload("/api/v1/assets/" + assetId + "/masks", new NamedBytes("mask.png", file));
    }

    private static byte[] leftHalf() throws IOException {
        BufferedImage mask = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        paint(mask, Color.WHITE, 0, 0, 160, 180);
        return png(mask);
    }

    private static void paint(BufferedImage image, Color color, int x, int y, int width, int height) {
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(x, y, width, height);
        g.dispose();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
