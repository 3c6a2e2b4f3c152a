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

    /**
     * A shot of the test film: its colour, its source (a still, a video of some seconds, or none), its length, and
     * whether its video carries a tone.
     */
    record Planned(
            Color colour,
            String source,
            int videoSeconds,
            @Nullable Integer durationMs,
            int frames,
            boolean sound) {

        Planned(Color colour, String source, int videoSeconds, @Nullable Integer durationMs, int frames) {
            this(colour, source, videoSeconds, durationMs, frames, false);
        }

        /** How many of the shot's frames its video's sound covers. */
        int soundFrames() {
            return sound ? Math.min(frames, videoSeconds * 24) : 0;
        }
    }

    private static final int TONE_HZ = 440;
    private static final int TAKE_HZ = 1000;

    private static final Color CARD = new Color(0x1c, 0x1c, 0x1e);

    /** Twelve shots at the project's 24 fps: 353 frames. */
    private static final List<Planned> FILM = List.of(
            new Planned(Color.RED, "still", 0, 1000, 24),
            new Planned(Color.GREEN, "video", 2, 1000, 24, true), // trimmed
            new Planned(Color.BLUE, "video", 1, 1500, 36, true), // frozen for its last half second, silent then
            new Planned(CARD, "none", 0, 500, 12),
            new Planned(Color.YELLOW, "still", 0, 500, 12),
            new Planned(Color.MAGENTA, "video", 2, null, 48), // as long as its video
            new Planned(Color.CYAN, "still", 0, 750, 18),
            new Planned(Color.WHITE, "video", 1, 2000, 48, true), // frozen for a second
            new Planned(new Color(255, 128, 0), "still", 0, 1250, 30),
            new Planned(new Color(128, 0, 255), "video", 2, 500, 12), // trimmed hard
            new Planned(new Color(128, 128, 128), "still", 0, 2625, 63),
            new Planned(new Color(0, 128, 64), "video", 1, null, 24, true));

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
        // Each video's own sound plays in its shot; stills, cards, a silent video and frozen tails are silent.
        short[] sound = sound(mp4);
        start = 0;
        for (int i = 0; i < FILM.size(); i++) {
            Planned shot = FILM.get(i);
            int tone = start + shot.soundFrames();
            if (shot.soundFrames() > 0) {
                assertThat(level(sound, start, tone, TONE_HZ))
                        .as("the sound of shot %d", i + 1)
                        .isGreaterThan(0.05);
            }
            if (tone < start + shot.frames()) {
                assertThat(rms(sound, tone, start + shot.frames()))
                        .as("silence in shot %d after frame %d", i + 1, tone - start)
                        .isLessThan(0.01);
            }
            start += shot.frames();
        }
    }

    @Test
    void anAudioTakePlaysUnderTheWholeFilmMixedWithTheVideosOwnSound() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Звук");
        String still = addShot(owner, project, 1, FILM.getFirst());
        addShot(owner, project, 2, new Planned(Color.GREEN, "video", 1, 1000, 24, true));
        String take = studio.upload(owner, still, new Api.NamedBytes("music.wav", tone(TAKE_HZ, 3)))
                .getFirst();
        assertThat(studio.awaitProcessed(owner, take).path("mediaStatus").asString())
                .isEqualTo("ready");

        JsonNode export = finished(
                owner,
                owner.api()
                        .post(
                                "/api/v1/projects/" + project + "/exports",
                                Map.of("kind", "animatic", "resolution", 720, "audioAssetId", take)));
        assertThat(export.path("status").asString()).as(export.toString()).isEqualTo("done");
        Path mp4 = Files.write(
                temp.resolve("sound.mp4"),
                owner.api()
                        .get("/api/v1/exports/" + export.path("id").asString() + "/file")
                        .bytes());

        short[] sound = sound(mp4);
        // The still: the take alone. The talking video: the take under the video's own sound.
        assertThat(level(sound, 0, 24, TAKE_HZ)).isGreaterThan(0.05);
        assertThat(level(sound, 0, 24, TONE_HZ)).isLessThan(0.01);
        assertThat(level(sound, 24, 48, TAKE_HZ)).isGreaterThan(0.05);
        assertThat(level(sound, 24, 48, TONE_HZ)).isGreaterThan(0.05);
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

    private String addShot(Studio.Person owner, String project, int number, Planned planned) throws Exception {
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
        return shot;
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
        Path file = temp.resolve("clip-%06x-%d-%b.mp4"
                .formatted(planned.colour().getRGB() & 0xffffff, planned.videoSeconds(), planned.sound()));
        FfmpegCommand command = FfmpegCommand.generate("color=c=0x%06x:s=320x180:r=24:d=%d"
                .formatted(planned.colour().getRGB() & 0xffffff, planned.videoSeconds()));
        List<String> options =
                new java.util.ArrayList<>(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        if (planned.sound()) {
            command.andGenerate("sine=f=%d:r=44100:d=%d".formatted(TONE_HZ, planned.videoSeconds()));
            options.addAll(List.of("-c:a", "aac", "-shortest"));
        }
        FFMPEG.run(command.writeTo(file, options), FfmpegWork.RENDER);
        return Files.readAllBytes(file);
    }

    /** A WAV of a pure tone, as an uploaded audio take. */
    private byte[] tone(int hertz, int seconds) throws Exception {
        Path file = temp.resolve("tone-%d.wav".formatted(hertz));
        FFMPEG.run(
                FfmpegCommand.generate("sine=f=%d:d=%d".formatted(hertz, seconds))
                        .writeTo(file, "-c:a", "pcm_s16le"),
                FfmpegWork.RENDER);
        return Files.readAllBytes(file);
    }

    /** The film's sound as mono samples at {@value #SOUND_RATE} Hz: {@value #SAMPLES_PER_FRAME} a frame at 24 fps. */
    private short[] sound(Path mp4) throws Exception {
        Path raw = temp.resolve(mp4.getFileName() + ".pcm");
        FFMPEG.run(
                FfmpegCommand.read(mp4, InputFormat.VIDEO)
                        .writeTo(raw, "-map", "0:a:0", "-ac", "1", "-ar", Integer.toString(SOUND_RATE), "-f", "s16le"),
                FfmpegWork.RENDER);
        java.nio.ShortBuffer samples = java.nio.ByteBuffer.wrap(Files.readAllBytes(raw))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer();
        short[] all = new short[samples.remaining()];
        samples.get(all);
        return all;
    }

    private static final int SOUND_RATE = 8000;
    private static final int SAMPLES_PER_FRAME = SOUND_RATE / 24;
    /** Kept clear of each side of a join: the AAC encoder smears a cut by a few milliseconds. */
    private static final int MARGIN = SOUND_RATE / 25;

    /** The amplitude (full scale = 1) of one frequency between two frames, by the Goertzel algorithm. */
    private static double level(short[] sound, int fromFrame, int toFrame, int hertz) {
        int from = fromFrame * SAMPLES_PER_FRAME + MARGIN;
        int to = Math.min(sound.length, toFrame * SAMPLES_PER_FRAME - MARGIN);
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / SOUND_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double current = sound[i] / 32768.0 + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(power) / (to - from);
    }

    /** The loudness (full scale = 1) between two frames. */
    private static double rms(short[] sound, int fromFrame, int toFrame) {
        int from = fromFrame * SAMPLES_PER_FRAME + MARGIN;
        int to = Math.min(sound.length, toFrame * SAMPLES_PER_FRAME - MARGIN);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (sound[i] / 32768.0) * (sound[i] / 32768.0);
        }
        return Math.sqrt(sum / Math.max(1, to - from));
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
