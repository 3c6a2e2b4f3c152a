package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.S3Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same promises against a real S3 API server (s3proxy), plus the signed addresses only a bucket gives. */
class S3BlobStoreTests extends BlobStoreContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    BlobStore newStore(Path tmp) throws IOException {
        return s3(tmp, false);
    }

    private S3BlobStore s3(Path tmp, boolean presignedDownloads) throws IOException {
        S3Server server = S3Server.get();
        S3Settings settings = new S3Settings(
                server.endpoint(),
                S3Server.newBucket(),
                "us-east-1",
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                true,
                presignedDownloads,
                Duration.ofMinutes(10));
        return new S3BlobStore(settings, tmp, new LocalCopies(tmp));
    }

    @AfterEach
    void closeTheClient() {
        ((S3BlobStore) store).close();
    }

    @Test
    void aLocalCopyIsMadeOnceAndGoesWhenUnused() throws IOException {
        String key = store.write(text("frames"), "mp4");
        LocalCopies copies = new LocalCopies(tmp());

        Path first = store.localFile(key);
        assertThat(store.localFile(key)).isEqualTo(first).hasContent("frames");

        assertThat(copies.removeUnused(Duration.ofMinutes(10))).isZero();
        assertThat(copies.removeUnused(Duration.ofSeconds(-1))).isEqualTo(1);
        assertThat(first).doesNotExist();
    }

    @Test
    void aBrowserUploadsStraightIntoTheBucketWithTheSignedAddress() throws Exception {
        String key = store.newKey("mp4");

        PresignedUpload upload =
                store.presignedPut(key, "video/mp4", Duration.ofMinutes(5)).orElseThrow();
        HttpRequest.Builder put = HttpRequest.newBuilder(upload.url())
                .method(upload.method(), HttpRequest.BodyPublishers.ofString("uploaded bytes"));
        upload.headers().forEach(put::header);
        HttpResponse<String> answer = http.send(put.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(upload.headers()).containsEntry("content-type", "video/mp4");
        assertThat(read(key)).isEqualTo("uploaded bytes");
    }

    @Test
    void signedDownloadsAreGivenOnlyWhenTurnedOn() throws Exception {
        String key = store.write(text("picture"), "jpg");
        assertThat(store.presignedGet(key, Duration.ofMinutes(5), "image/jpeg", null))
                .isEmpty();

        S3BlobStore signing = s3(data.resolve("tmp-signing"), true);
        String signed = signing.write(text("picture"), "jpg");
        URI address = signing.presignedGet(signed, Duration.ofMinutes(5), "image/jpeg", "кадр 1.jpg")
                .orElseThrow();
        HttpResponse<String> answer =
                http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
        signing.close();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("picture");
        assertThat(answer.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(answer.headers().firstValue("content-disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
    }
}
