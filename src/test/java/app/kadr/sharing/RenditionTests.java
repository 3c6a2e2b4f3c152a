package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.media.VideoInfo;
import app.kadr.media.VideoProbe;
import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Full-quality viewing: publishing makes a review rendition of each headliner in a durable job, and the client's large
 * view plays it with its sound, at the source's size up to 1080p, with none of the source's technical strings.
 */
@KadrTest
class RenditionTests {

    static final String FILE_NAME = "LEAKFILE-финал-мастер.mp4";
    static final String TITLE = "LEAKTITLE prompt: лама в тумане";

    @Autowired
    Studio studio;

    @Autowired
    FfmpegRunner ffmpeg;

    @Autowired
    VideoProbe probe;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void theClientPlaysTheVideoWithSoundAtFullSizeAndWithoutATechnicalString() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Фильм с звуком");
        String finale = studio.newShot(owner, project, "Финал");
        String asset = Sharing.headliner(studio, owner, finale, FILE_NAME, source());
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());

        JsonNode view = Sharing.awaitRenditions(client, token);

        JsonNode headliner = view.path("shots").get(0).path("headliner");
        String large = headliner.path("largeUrl").asString();
        assertThat(large)
                .isEqualTo(headliner.path("reviewUrl").asString())
                .startsWith("/api/v1/public/" + token + "/media/")
                .endsWith("/review");
        Element frame = Jsoup.parse(client.get("/s/" + token).text()).selectFirst(".client-shot .frame");
        assertThat(frame.attr("data-large"))
                .as("the large view plays the rendition")
                .isEqualTo(large);
        assertThat(frame.attr("data-review")).isEqualTo("ready");

        PublicClient.Answer answer = client.get(large);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("video/mp4");
        Path file = Files.write(dir.resolve("review.mp4"), answer.bytes());
        VideoInfo info = probe.probe(file);
        assertThat(info.width()).as("as wide as the 1280 px source").isGreaterThanOrEqualTo(1280);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.hasAudio()).isTrue();
        assertThat(loudestSample(file))
                .as("the sound decodes and is not silence")
                .isGreaterThan(1000);
        List<String> forbidden = new ArrayList<>(LeakTests.SOFTWARE);
        forbidden.addAll(List.of("LEAKTITLE", "LEAKFILE", "лама", asset));
        for (String technical : forbidden) {
            assertThat(LeakTests.contains(answer.bytes(), technical))
                    .as("the rendition carries «%s»", technical)
                    .isFalse();
        }
        PublicClient.Answer part = client.get(large, "Range", "bytes=0-99");
        assertThat(part.status()).as("a player seeks by byte ranges").isEqualTo(206);
        assertThat(part.bytes()).hasSize(100);

        jdbc.sql("update share_renditions set status = 'preparing', file_key = null where asset_id = ?")
                .param(java.util.UUID.fromString(asset))
                .update();
        JsonNode preparing = client.get("/api/v1/public/" + token).json();
        assertThat(preparing
                        .path("shots")
                        .get(0)
                        .path("headliner")
                        .path("review")
                        .asString())
                .isEqualTo("preparing");
        assertThat(preparing
                        .path("shots")
                        .get(0)
                        .path("headliner")
                        .path("largeUrl")
                        .isNull())
                .as("no silent stand-in while the rendition is made")
                .isTrue();
        String page = client.get("/s/" + token).text();
        Element waiting = Jsoup.parse(page).selectFirst(".client-shot .frame");
        assertThat(waiting.hasAttr("data-large")).isFalse();
        assertThat(waiting.attr("data-review")).isEqualTo("preparing");
        assertThat(client.get(large).status())
                .as("a rendition being made has no address")
                .isEqualTo(404);
    }

    @Test
    void aLiveLinkAsksForTheRenditionOfANewHeadlinerWhenTheClientLooks() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Живой показ");
        String shot = studio.newShot(owner, project, "Кадр");
        String token = Sharing.newLink(owner, project, java.util.Map.of("mode", "live"))
                .path("token")
                .asString();
        String asset = Sharing.headliner(studio, owner, shot, "кадр.png", Sharing.png());
        assertThat(jdbc.sql("select count(*) from share_renditions where asset_id = ?")
                        .param(java.util.UUID.fromString(asset))
                        .query(Integer.class)
                        .single())
                .as("nothing is made for a live link nobody has looked at")
                .isZero();

        JsonNode view = Sharing.awaitRenditions(new PublicClient(studio.baseUrl()), token);

        JsonNode headliner = view.path("shots").get(0).path("headliner");
        assertThat(headliner.path("largeUrl").asString())
                .isEqualTo(headliner.path("reviewUrl").asString())
                .endsWith("/review");
        Api.Response owned = owner.api().get("/api/v1/assets/" + asset);
        assertThat(owned.status()).isEqualTo(200);
    }

    /** One second of a 1280 × 720 test pattern with a tone, titled as a generator would title it. */
    private byte[] source() throws Exception {
        Path file = dir.resolve("source.mp4");
        ffmpeg.run(
                FfmpegCommand.generate("testsrc2=size=1280x720:rate=24")
                        .andGenerate("sine=frequency=440:sample_rate=44100")
                        .writeTo(
                                file,
                                "-t",
                                "1",
                                "-metadata",
                                "title=" + TITLE,
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-f",
                                "mp4"),
                FfmpegWork.RENDER);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(LeakTests.contains(bytes, "x264")).isTrue();
        return bytes;
    }

    /** Decodes the sound to 16-bit PCM and answers its loudest sample. */
    private int loudestSample(Path video) throws Exception {
        Path raw = dir.resolve("sound.raw");
        ffmpeg.run(
                FfmpegCommand.read(video, InputFormat.VIDEO)
                        .writeTo(raw, "-map", "0:a:0", "-c:a", "pcm_s16le", "-f", "s16le"),
                FfmpegWork.PROBE);
        ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int loudest = 0;
        while (samples.remaining() >= 2) {
            loudest = Math.max(loudest, Math.abs((int) samples.getShort()));
        }
        return loudest;
    }
}
