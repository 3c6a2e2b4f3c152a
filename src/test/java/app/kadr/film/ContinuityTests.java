package app.kadr.film;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * «Продолжить из предыдущего шота»: the generation of a shot starts from the frame the previous shot ends on, proved
 * by decoding what the generation made from it.
 */
@KadrTest
@VendorNeutral
class ContinuityTests {

    private static final FfmpegRunner FFMPEG = FfmpegRunner.withBundledFfmpeg();

    @Autowired
    Studio studio;

    @TempDir
    Path temp;

    @Test
    void aVideoShotsLastFrameIsWhereTheNextShotsAnimationStarts() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Преемственность");
        String previous = studio.newShot(owner, project, "Красное в синее");
        String next = studio.newShot(owner, project, "Дальше");
        // Red for its first second, blue for its last: the first frame would be the wrong source.
        headline(owner, previous, new Api.NamedBytes("red-to-blue.mp4", redThenBlue()));

        Api.Response continued = owner.api().post("/api/v1/shots/" + next + "/continuity", Map.of());

        assertThat(continued.status()).as(continued.toString()).isEqualTo(200);
        JsonNode sources = continued.json();
        assertThat(sources.path("fromShotId").asString()).isEqualTo(previous);
        String frame = sources.path("frameAssetId").asString();
        assertThat(sources.path("sourceAssetIds").size()).isEqualTo(1);
        assertThat(sources.path("sourceAssetIds").get(0).asString()).isEqualTo(frame);
        JsonNode take = studio.awaitProcessed(owner, frame);
        assertThat(take.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(take.path("kind").asString()).isEqualTo("image");
        assertThat(take.path("shotId").asString())
                .as("the frame is a take of the shot it continues")
                .isEqualTo(next);

        Api.Response started = owner.api()
                .post(
                        "/api/v1/shots/" + next + "/generations",
                        Map.of(
                                "modelId", studio.localModel(owner, "local/pan-zoom"),
                                "prompt", "камера плывёт дальше",
                                "sourceAssetIds", List.of(frame),
                                "params", Map.of("duration", 1)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String generated =
                studio.awaitTake(owner, started.json().get(0).path("id").asString());
        JsonNode video = owner.api().get("/api/v1/assets/" + generated).json();
        assertThat(video.path("kind").asString()).isEqualTo("video");
        Color first = firstFrame(
                owner.api().get(video.path("urls").path("original").asString()).bytes());
        assertThat(near(first, Color.BLUE))
                .as("the animation starts on the previous shot's last frame (blue), not %s", first)
                .isTrue();
    }

    @Test
    void aStillHeadlinerIsTheSourceAsItIsAndAFirstLastFrameModelGetsThisShotsStillAsTheEnd() {
        Studio.Person owner = studio.newAdmin();
        String project = studio.newProject(owner, "Кадры");
        String previous = studio.newShot(owner, project, "Дверь");
        String next = studio.newShot(owner, project, "Комната");
        String door = headline(owner, previous, new Api.NamedBytes("дверь.png", Samples.png(320, 180)));
        String room = headline(owner, next, new Api.NamedBytes("комната.png", Samples.png(320, 180)));
        String firstLast = model(owner, "fal-ai/kling-video/v2.6/pro/image-to-video");
        String startOnly = model(owner, "fal-ai/minimax/hailuo-02/standard/image-to-video");

        JsonNode plain = owner.api()
                .post("/api/v1/shots/" + next + "/continuity", Map.of("modelId", startOnly))
                .json();
        JsonNode both = owner.api()
                .post("/api/v1/shots/" + next + "/continuity", Map.of("modelId", firstLast))
                .json();

        assertThat(plain.path("sourceAssetIds").toString()).isEqualTo("[\"" + door + "\"]");
        assertThat(plain.path("endAssetId").asString()).as("offered to the bar").isEqualTo(room);
        assertThat(both.path("sourceAssetIds").toString()).isEqualTo("[\"" + door + "\",\"" + room + "\"]");
    }

    @Test
    void theFirstShotAShotAfterAnEmptyOneAndSomeoneElsesShotHaveNothingToContinue() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Начало");
        String first = studio.newShot(owner, project, "Первый");
        String second = studio.newShot(owner, project, "Второй");

        Api.Response fromNothing = owner.api().post("/api/v1/shots/" + first + "/continuity", Map.of());
        Api.Response afterEmpty = owner.api().post("/api/v1/shots/" + second + "/continuity", Map.of());
        Api.Response stranger = studio.newPerson().api().post("/api/v1/shots/" + second + "/continuity", Map.of());

        assertThat(fromNothing.status()).isEqualTo(400);
        assertThat(fromNothing.string("detail")).contains("первый шот");
        assertThat(afterEmpty.status()).isEqualTo(400);
        assertThat(afterEmpty.string("detail")).contains("шота 1");
        assertThat(stranger.status()).isEqualTo(404);
    }

    private String headline(Studio.Person owner, String shot, Api.NamedBytes file) {
        String asset = studio.upload(owner, shot, file).getFirst();
        assertThat(studio.awaitProcessed(owner, asset).path("mediaStatus").asString())
                .isEqualTo("ready");
        Map<String, Object> body = new HashMap<>();
        body.put("headlinerAssetId", asset);
        assertThat(owner.api().patch("/api/v1/shots/" + shot, body).status()).isEqualTo(200);
        return asset;
    }

    /** A catalogue model's id by its provider's name for it; an admin sees models whose provider is off. */
    private static String model(Studio.Person admin, String externalId) {
        for (JsonNode model : admin.api().get("/api/v1/models?all=true").json().path("items")) {
            if (model.path("externalId").asString().equals(externalId)) {
                return model.path("id").asString();
            }
        }
        throw new AssertionError("No model " + externalId);
    }

    private byte[] redThenBlue() throws Exception {
        Path file = temp.resolve("red-to-blue.mp4");
        FFMPEG.run(
                FfmpegCommand.generate("color=c=red:s=320x180:r=24:d=1[a];color=c=blue:s=320x180:r=24:d=1[b];"
                                + "[a][b]concat=n=2:v=1:a=0")
                        .writeTo(file, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
                FfmpegWork.RENDER);
        return Files.readAllBytes(file);
    }

    private Color firstFrame(byte[] video) throws Exception {
        Path file = Files.write(temp.resolve("generated.mp4"), video);
        Path png = temp.resolve("first.png");
        FFMPEG.run(
                FfmpegCommand.read(file, InputFormat.VIDEO).writeTo(png, "-frames:v", "1", "-an"), FfmpegWork.RENDER);
        var image = ImageIO.read(png.toFile());
        return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    }

    private static boolean near(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }
}
