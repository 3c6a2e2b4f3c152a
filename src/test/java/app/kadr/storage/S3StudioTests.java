package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.S3Server;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole studio on a bucket of a real S3 API server (s3proxy), with presigned downloads on: uploads land in the
 * bucket, media is made from them, the owner is sent to short-lived signed addresses, the client's page is served
 * through Kadr with byte ranges and no bucket address, and the sweep keeps every take's file.
 */
@KadrTest
class S3StudioTests {

    static final String BUCKET = S3Server.newBucket();

    @DynamicPropertySource
    static void onTheBucket(DynamicPropertyRegistry registry) {
        S3Server.get().studioSettings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("kadr.s3.presigned-downloads", () -> "true");
    }

    @Autowired
    Studio studio;

    @Autowired
    BlobStore blobs;

    @Autowired
    OrphanSweep sweep;

    @Value("${kadr.data-dir}")
    Path dataDir;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void aTakeUploadedIntoTheBucketIsProcessedSignedForItsOwnerAndStreamedToTheClient() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Фильм в бакете");
        String shot = studio.newShot(owner, project, "Погоня");
        byte[] video = Samples.video("mp4", 3);
        String id = studio.upload(owner, shot, new Api.NamedBytes("погоня.mp4", video))
                .getFirst();
        JsonNode take = studio.awaitProcessed(owner, id);
        assertThat(take.path("mediaStatus").asString()).as(take.toString()).isEqualTo("ready");
        assertThat(blobsOnLocalDisk()).as("nothing is kept in the data folder").isZero();

        Api.Response original =
                owner.api().get(take.path("urls").path("original").asString() + "&download=true");
        assertThat(original.status()).isEqualTo(302);
        URI signed = original.headers().getLocation();
        assertThat(signed.toString()).startsWith(S3Server.get().endpoint() + "/" + BUCKET + "/");
        HttpResponse<byte[]> part = browser.send(
                HttpRequest.newBuilder(signed).header("Range", "bytes=0-99").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).containsExactly(java.util.Arrays.copyOf(video, 100));
        assertThat(part.headers().firstValue("content-disposition").orElseThrow())
                .contains("attachment");

        Map<String, @Nullable Object> headliner = new HashMap<>();
        headliner.put("headlinerAssetId", id);
        assertThat(owner.api().patch("/api/v1/shots/" + shot, headliner).status())
                .isEqualTo(200);
        Api.Response link = owner.api().post("/api/v1/projects/" + project + "/share-links", Map.of());
        String token = link.json().path("token").asString();
        JsonNode media = studio.api()
                .get("/api/v1/public/" + token)
                .json()
                .path("shots")
                .get(0)
                .path("headliner");
        String hover = media.path("hoverUrl").asString();
        assertThat(hover).startsWith("/api/v1/public/" + token + "/media/").doesNotContain(BUCKET);
        Api.Response clip = studio.api().get(hover, Map.of("Range", "bytes=10-19"));
        assertThat(clip.status()).isEqualTo(206);
        assertThat(clip.bytes()).hasSize(10);
        assertThat(clip.headers().getFirst("Content-Range")).startsWith("bytes 10-19/");
        assertThat(clip.headers().getLocation()).isNull();
        long clipLength =
                Long.parseLong(clip.headers().getFirst("Content-Range").replaceAll(".*/", ""));
        Api.Response past = studio.api().get(hover, Map.of("Range", "bytes=" + clipLength + "-"));
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.headers().getFirst("Content-Range")).isEqualTo("bytes */" + clipLength);
        assertThat(past.bytes()).as("no body with a 416").isEmpty();
    }

    @Test
    void theSweepRemovesAStrayBlobAndKeepsEveryFileOfATake() throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Уборка");
        String shot = studio.newShot(owner, project, "Кадр");
        String id = studio.upload(owner, shot, new Api.NamedBytes("кадр.png", Samples.png(320, 200)))
                .getFirst();
        JsonNode take = studio.awaitProcessed(owner, id);
        String stray = blobs.write(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "jpg");

        OrphanSweep.Result result = sweep.sweep(Instant.now().plusSeconds(60));

        assertThat(result.removed()).isGreaterThanOrEqualTo(1);
        assertThat(blobs.exists(stray)).isFalse();
        for (String variant : new String[] {"original", "thumb", "preview"}) {
            Api.Response file = owner.api().get(take.path("urls").path(variant).asString());
            assertThat(file.status()).as(variant).isEqualTo(302);
            HttpResponse<Void> fetched = browser.send(
                    HttpRequest.newBuilder(file.headers().getLocation()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(fetched.statusCode()).as(variant).isEqualTo(200);
        }
    }

    private long blobsOnLocalDisk() throws Exception {
        Path local = dataDir.resolve("blobs");
        if (!Files.isDirectory(local)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(local)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
