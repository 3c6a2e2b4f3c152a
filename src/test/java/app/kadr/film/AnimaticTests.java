package app.kadr.film;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Exports made by the durable job: an animatic whose every frame belongs to the right shot, and a hand-off ZIP,
 * each downloadable, listed with the project and gone once deleted.
 */
@KadrTest
@VendorNeutral
class AnimaticTests {

    private static final FfmpegRunner FFMPEG = FfmpegRunner.withBundledFfmpeg();

    /** A shot of the test film: its colour, its source (a still, a video of some seconds, or none), its length. */
    record Planned(
            Color colour,
            String source,
            int videoSeconds,
            @Nullable Integer durationMs,
            int frames) {}

    private static final Color CARD = new Color(0x1c, 0x1c, 0x1e);

    /** Twelve shots at the project's 24 fps: 353 frames. */
    private static final List<Planned> FILM = List.of(
            new Planned(Color.RED, "still", 0, 1000, 24),
            new Planned(Color.GREEN, "video", 2, 1000, 24), // trimmed
            new Planned(Color.BLUE, "video", 1, 1500, 36), // frozen for its last half second
            new Planned(CARD, "none", 0, 500, 12),
            new Planned(Color.YELLOW, "still", 0, 500, 12),
            new Planned(Color.MAGENTA, "video", 2, null, 48), // as long as its video
            new Planned(Color.CYAN, "still", 0, 750, 18),
            new Planned(Color.WHITE, "video", 1, 2000, 48), // frozen for a second
            new Planned(new Color(255, 128, 0), "still", 0, 1250, 30),
            new Planned(new Color(128, 0, 255), "video", 2, 500, 12), // trimmed hard
            new Planned(new Color(128, 128, 128), "still", 0, 2625, 63),
            new Planned(new Color(0, 128, 64), "video", 1, null, 24));

    @Autowired
    Studio studio;

    @TempDir
    Path temp;

    @Test
    void anAnimaticOfTwelveShotsLastsTheirSumAndShowsEachShotFromItsFirstFrameToItsLast() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Аниматик");
        for (int i = 0; i < FILM.size(); i++) {
            addShot(owner, project, i + 1, FILM.get(i));
        }

        JsonNode export = finished(
                owner,
                owner.api()
                        .post(
                                "/api/v1/projects/" + project + "/exports",
                                Map.of("kind", "animatic", "resolution", 720, "burnIn", true)));
        assertThat(export.path("status").asString()).as(export.toString()).isEqualTo("done");
        Api.Response file =
                owner.api().get("/api/v1/exports/" + export.path("id").asString() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().getContentType()).hasToString("video/mp4");
        Path mp4 = Files.write(temp.resolve("animatic.mp4"), file.bytes());

        List<Color> frames = decode(mp4);
        assertThat(frames).hasSize(FILM.stream().mapToInt(Planned::frames).sum());
        int start = 0;
        for (int i = 0; i < FILM.size(); i++) {
            int end = start + FILM.get(i).frames();
            Color expected = FILM.get(i).colour();
            assertThat(near(frames.get(start), expected))
                    .as("first frame of shot %d is %s, not %s", i + 1, frames.get(start), expected)
                    .isTrue();
            assertThat(near(frames.get(end - 1), expected))
                    .as("last frame of shot %d is %s, not %s", i + 1, frames.get(end - 1), expected)
                    .isTrue();
            start = end;
        }
        // The film has a sound track (silence here), as players and editors expect of an MP4.
        FFMPEG.run(FfmpegCommand.read(mp4, InputFormat.VIDEO).discardOutput("-map", "0:a:0"), FfmpegWork.PROBE);
    }

    @Test
    void aHandoffExportIsKeptListedAndGoneOnceDeleted() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Передача");
        addShot(owner, project, 1, FILM.getFirst());

        Api.Response refused = owner.api().post("/api/v1/projects/" + project + "/exports", Map.of("kind", "dvd"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("animatic").contains("handoff");

        JsonNode export = finished(
                owner, owner.api().post("/api/v1/projects/" + project + "/exports", Map.of("kind", "handoff")));
        String id = export.path("id").asString();
        assertThat(export.path("status").asString()).isEqualTo("done");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/exports")
                        .json()
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(id);
        Api.Response zip = owner.api().get("/api/v1/exports/" + id + "/file");
        assertThat(zip.headers().getContentDisposition().getFilename()).isEqualTo("peredacha_handoff.zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("010_shot_1_take1.png");
        }

        assertThat(owner.api().delete("/api/v1/exports/" + id).status()).isEqualTo(204);
        assertThat(owner.api().get("/api/v1/exports/" + id + "/file").status()).isEqualTo(404);
        assertThat(owner.api().get("/api/v1/projects/" + project + "/exports").json())
                .isEmpty();
    }

    private void addShot(Studio.Person owner, String project, int number, Planned planned) throws Exception {
        String shot = studio.newShot(owner, project, "Shot " + number);
        if (!planned.source().equals("none")) {
            byte[] bytes = planned.source().equals("still") ? still(planned.colour()) : video(planned);
            String name = planned.source().equals("still") ? "still.png" : "clip.mp4";
            String asset =
                    studio.upload(owner, shot, new Api.NamedBytes(name, bytes)).getFirst();
            assertThat(studio.awaitProcessed(owner, asset).path("mediaStatus").asString())
                    .isEqualTo("ready");
            assertThat(owner.api()
                            .patch("/api/v1/shots/" + shot, Map.of("headlinerAssetId", asset))
                            .status())
                    .isEqualTo(200);
        }
        if (planned.durationMs() != null) {
            Map<String, Object> body = new HashMap<>();
            body.put("durationMs", planned.durationMs());
            assertThat(owner.api().patch("/api/v1/shots/" + shot, body).status())
                    .isEqualTo(200);
        }
    }

    private JsonNode finished(Studio.Person owner, Api.Response ordered) {
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
        String id = ordered.id();
        return await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> owner.api().get("/api/v1/exports/" + id).json(),
                        export -> !List.of("queued", "running")
                                .contains(export.path("status").asString()));
    }

    private static byte[] still(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, 640, 360);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private byte[] video(Planned planned) throws Exception {
        Path file = temp.resolve(
                "clip-%06x-%d.mp4".formatted(planned.colour().getRGB() & 0xffffff, planned.videoSeconds()));
        FFMPEG.run(
                FfmpegCommand.generate("color=c=0x%06x:s=320x180:r=24:d=%d"
                                .formatted(planned.colour().getRGB() & 0xffffff, planned.videoSeconds()))
                        .writeTo(file, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
                FfmpegWork.RENDER);
        return Files.readAllBytes(file);
    }

    /** Every frame of the film, each as the colour of a spot clear of the burnt-in texts (top right). */
    private List<Color> decode(Path mp4) throws Exception {
        Path frames = Files.createDirectories(temp.resolve("frames"));
        FFMPEG.run(
                FfmpegCommand.read(mp4, InputFormat.VIDEO)
                        .writeTo(frames.resolve("f%05d.png"), "-an", "-vf", "scale=16:9", "-vsync", "0"),
                FfmpegWork.RENDER);
        try (var files = Files.list(frames)) {
            return files.sorted().map(AnimaticTests::spot).toList();
        }
    }

    private static Color spot(Path frame) {
        try {
            return new Color(ImageIO.read(frame.toFile()).getRGB(14, 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean near(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }
}
