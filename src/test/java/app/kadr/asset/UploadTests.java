package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.KadrProperties;
import app.kadr.support.Api;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@KadrTest
class UploadTests {

    @Autowired
    Studio studio;

    @Autowired
    KadrProperties properties;

    Studio.Person person;
    String shot;

    @BeforeEach
    void aShot() {
        person = studio.newPerson();
        shot = studio.newShot(person, studio.newProject(person, "Загрузки"), "Референсы");
    }

    @Test
    void anUploadedImageGetsAThumbnailAPreviewAndItsSize() throws IOException {
        String id = studio.upload(person, shot, new NamedBytes("лес.jpg", Samples.jpeg(2400, 1600)))
                .getFirst();

        JsonNode asset = studio.awaitProcessed(person, id);

        assertThat(asset.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(asset.path("kind").asString()).isEqualTo("image");
        assertThat(asset.path("origin").asString()).isEqualTo("upload");
        assertThat(asset.path("width").asInt()).isEqualTo(2400);
        assertThat(asset.path("height").asInt()).isEqualTo(1600);
        assertThat(asset.path("thumbhash").asString()).isNotBlank();
        assertThat(asset.path("fileName").asString()).isEqualTo("лес.jpg");
        var thumb = ImageIO.read(new java.io.ByteArrayInputStream(
                person.api().get(asset.path("urls").path("thumb").asString()).bytes()));
        var preview = ImageIO.read(new java.io.ByteArrayInputStream(
                person.api().get(asset.path("urls").path("preview").asString()).bytes()));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isBetween(300, 340);
        assertThat(Math.max(preview.getWidth(), preview.getHeight())).isBetween(1400, 1460);
    }

    @Test
    void uploadPartsAreWrittenInsideTheDataFolderWhichIsMadeAgainIfCleanedAway(
            @Autowired jakarta.servlet.MultipartConfigElement multipart) throws IOException {
        Path parts = properties
                .dataDir()
                .resolve("tmp")
                .resolve("multipart")
                .toAbsolutePath()
                .normalize();
        assertThat(Path.of(multipart.getLocation())).isEqualTo(parts);
        org.springframework.util.FileSystemUtils.deleteRecursively(parts);

        byte[] overThreshold = Samples.video("mp4", 8); // parts over 1 MB go to disk
        assertThat(overThreshold.length).isGreaterThan(1024 * 1024);
        String id = studio.upload(person, shot, new NamedBytes("дубль.mp4", overThreshold))
                .getFirst();

        assertThat(studio.awaitProcessed(person, id).path("mediaStatus").asString())
                .isEqualTo("ready");
        assertThat(parts).isDirectory();
    }

    @Test
    void anUploadedVideoGetsAPosterAndAShortMutedHoverClip() {
        String id = studio.upload(person, shot, new NamedBytes("проход.mp4", Samples.video("mp4", 8)))
                .getFirst();

        JsonNode asset = studio.awaitProcessed(person, id);

        assertThat(asset.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(asset.path("kind").asString()).isEqualTo("video");
        assertThat(asset.path("durationMs").asLong()).isBetween(7_500L, 8_500L);
        assertThat(asset.path("width").asInt()).isEqualTo(640);
        Api.Response hover = person.api().get(asset.path("urls").path("hover").asString());
        assertThat(hover.status()).isEqualTo(200);
        assertThat(hover.headers().getContentType()).hasToString("video/mp4");
        assertThat(hover.bytes().length).isLessThan(400 * 1024);
        assertThat(person.api()
                        .get(asset.path("urls").path("poster").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void movAndWebmAreRecognisedToo() {
        var ids = studio.upload(
                person,
                shot,
                new NamedBytes("a.mov", Samples.video("mov", 2)),
                new NamedBytes("b.webm", Samples.video("webm", 2)));

        assertThat(ids).hasSize(2);
        assertThat(ids.stream()
                        .map(id -> studio.awaitProcessed(person, id)
                                .path("mediaStatus")
                                .asString()))
                .containsOnly("ready");
    }

    @Test
    void aFileIsRecognisedByItsContentNotItsName() {
        String id = studio.upload(person, shot, new NamedBytes("notes.txt", Samples.png(40, 30)))
                .getFirst();

        assertThat(person.api().get("/api/v1/assets/" + id).string("mimeType")).isEqualTo("image/png");
    }

    @Test
    void anEmptyFileIsRefusedAndLeavesNothing() throws IOException {
        assertRefusedLeavingNothing(new NamedBytes("empty.jpg", new byte[0]), 400, "validation", "пустой");
    }

    @Test
    void textPretendingToBeAJpegIsRefusedAndLeavesNothing() throws IOException {
        byte[] text = "это не картинка, а текст".getBytes(StandardCharsets.UTF_8);
        assertRefusedLeavingNothing(new NamedBytes("photo.jpg", text), 415, "unsupported_media", "не поддерживается");
    }

    @Test
    void aPdfIsRefused() throws IOException {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertRefusedLeavingNothing(new NamedBytes("brief.pdf", pdf), 415, "unsupported_media", "brief.pdf");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws IOException {
        assertRefusedLeavingNothing(
                new NamedBytes("bomb.png", pngHeaderClaiming(20_000, 20_000)), 413, "too_large", "Мп");
    }

    @Test
    void aFakeVideoIsRefused() throws IOException {
        byte[] fake = new byte[4096];
        byte[] ftyp = {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
        System.arraycopy(ftyp, 0, fake, 0, ftyp.length);
        Arrays.fill(fake, ftyp.length, fake.length, (byte) 0x5a);
        assertRefusedLeavingNothing(new NamedBytes("clip.mp4", fake), 415, "unsupported_media", "видео");
    }

    @Test
    void anUploadedSoundIsAnAudioTakeWithItsLengthAndAWaveformForAFace() throws IOException {
        String id = studio.upload(person, shot, new NamedBytes("голос.mp3", Samples.audio("mp3", 3)))
                .getFirst();

        JsonNode asset = studio.awaitProcessed(person, id);

        assertThat(asset.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(asset.path("kind").asString()).isEqualTo("audio");
        assertThat(asset.path("mimeType").asString()).isEqualTo("audio/mpeg");
        assertThat(asset.path("durationMs").asLong()).isBetween(2_900L, 3_200L);
        assertThat(asset.path("width").isNull()).isTrue();
        var waveform = ImageIO.read(new java.io.ByteArrayInputStream(
                person.api().get(asset.path("urls").path("preview").asString()).bytes()));
        var thumb = ImageIO.read(new java.io.ByteArrayInputStream(
                person.api().get(asset.path("urls").path("thumb").asString()).bytes()));
        assertThat(waveform.getWidth()).isGreaterThan(waveform.getHeight() * 3);
        assertThat(thumb.getWidth()).isBetween(300, 340);
        // The tone swells and fades: the middle row of the picture is drawn across the whole width.
        int row = waveform.getHeight() / 2;
        for (int x = 10; x < waveform.getWidth() - 10; x += waveform.getWidth() / 8) {
            assertThat(blue(waveform.getRGB(x, row))).as("column %d", x).isGreaterThan(120);
        }
        assertThat(blue(waveform.getRGB(waveform.getWidth() / 2, 2))).isLessThan(80);
    }

    @Test
    void wavM4aAndOggAreRecognisedAsSoundByTheirContent() {
        for (String container : new String[] {"wav", "m4a", "ogg"}) {
            String id = studio.upload(person, shot, new NamedBytes("дорожка.bin", Samples.audio(container, 2)))
                    .getFirst();
            JsonNode asset = studio.awaitProcessed(person, id);
            assertThat(asset.path("kind").asString()).as(container).isEqualTo("audio");
            assertThat(asset.path("durationMs").asLong()).as(container).isBetween(1_900L, 2_200L);
        }
    }

    @Test
    void aFakeSoundIsRefusedInRussianAndLeavesNothing() throws IOException {
        byte[] fake = new byte[4096];
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        System.arraycopy(id3, 0, fake, 0, id3.length);
        Arrays.fill(fake, id3.length, fake.length, (byte) 0x5a);
        assertRefusedLeavingNothing(new NamedBytes("голос.mp3", fake), 415, "unsupported_media", "звук");
    }

    @Test
    void aSoundCannotBeTheShotsHeadliner() {
        String id = studio.upload(person, shot, new NamedBytes("голос.wav", Samples.audio("wav", 1)))
                .getFirst();
        studio.awaitProcessed(person, id);

        Api.Response refused = person.api().patch("/api/v1/shots/" + shot, java.util.Map.of("headlinerAssetId", id));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("detail")).contains("Звук не может быть хедлайнером");
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }

    @Test
    void oneBadFileRefusesTheWholeRequest() throws IOException {
        long before = storedFiles();

        Api.Response refused = person.api()
                .upload(
                        "/api/v1/shots/" + shot + "/assets",
                        new NamedBytes("good.png", Samples.png(32, 32)),
                        new NamedBytes("bad.jpg", "text".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.string("detail")).contains("bad.jpg");
        assertThat(person.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .isEmpty();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aJpegCutShortIsRefusedInsteadOfBecomingAGreyTake() throws IOException {
        byte[] whole = Samples.jpeg(1600, 900);
        assertThat(whole.length).isGreaterThan(3 * 4096);
        byte[] cut = Arrays.copyOf(whole, 4096);

        assertRefusedLeavingNothing(new NamedBytes("закат.jpg", cut), 400, "validation", "загружено не полностью");
    }

    @Test
    void aPngCutAfterItsHeaderIsRefused() throws IOException {
        byte[] cut = Arrays.copyOf(Samples.png(300, 200), 60);

        assertRefusedLeavingNothing(new NamedBytes("обрыв.png", cut), 400, "validation", "обрыв.png");
    }

    private void assertRefusedLeavingNothing(NamedBytes file, int status, String code, String detailPart)
            throws IOException {
        long before = storedFiles();

        Api.Response refused = person.api().upload("/api/v1/shots/" + shot + "/assets", file);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.string("code")).isEqualTo(code);
        assertThat(refused.string("detail")).contains(detailPart);
        assertThat(person.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .isEmpty();
        assertThat(storedFiles()).isEqualTo(before);
    }

    /** Files in the blob store and its scratch space: a refused upload must add none. */
    private long storedFiles() throws IOException {
        long count = 0;
        for (String folder : new String[] {"blobs", "tmp"}) {
            Path root = properties.dataDir().resolve(folder);
            if (Files.exists(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    count += files.filter(Files::isRegularFile).count();
                }
            }
        }
        return count;
    }

    /** A valid PNG signature and header chunk announcing a huge picture, with no pixels behind it. */
    static byte[] pngHeaderClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.write(ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
