package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
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
        return new S3BlobStore(settings(S3Server.newBucket(), presignedDownloads), tmp, new LocalCopies(tmp));
    }

    private static S3Settings settings(String bucket, boolean presignedDownloads) {
        return new S3Settings(
                S3Server.get().endpoint(),
                bucket,
                "us-east-1",
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                true,
                presignedDownloads,
                Duration.ofMinutes(10));
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

    /**
     * A file over one PUT's limit (5 GB in S3; 5 MiB here, S3's smallest part) goes in parts of that size and is
     * one whole object afterwards, with no upload left open.
     */
    @Test
    void aFileLargerThanOnePutAllowsIsSentInPartsAndReadBackWhole() throws IOException {
        String bucket = S3Server.newBucket();
        byte[] bytes = new byte[(int) (2 * S3BlobStore.SMALLEST_PART + 12_345)];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(data.resolve("long take.mp4"), bytes);

        String key;
        try (S3BlobStore parted =
                new S3BlobStore(settings(bucket, false), tmp(), new LocalCopies(tmp()), S3BlobStore.SMALLEST_PART)) {
            key = parted.put(file, "mp4");
            assertThat(parted.stat(key)).get().extracting(BlobInfo::size).isEqualTo((long) bytes.length);
            try (InputStream whole = parted.open(key, 0)) {
                assertThat(whole.readAllBytes()).isEqualTo(bytes);
            }
            try (InputStream tail = parted.open(key, S3BlobStore.SMALLEST_PART - 3)) {
                assertThat(tail.readNBytes(6))
                        .isEqualTo(Arrays.copyOfRange(
                                bytes, (int) S3BlobStore.SMALLEST_PART - 3, (int) S3BlobStore.SMALLEST_PART + 3));
            }
        }
        assertThat(file).as("the staged file, moved into the store").doesNotExist();
        assertThat(S3Server.get().eTag(bucket, key))
                .as("a multipart object's ETag")
                .endsWith("-3\"");
        assertThat(S3Server.get().unfinishedUploads(bucket)).isZero();
    }

    @Test
    void aFileThatFitsOnePutIsSentWhole() throws IOException {
        String bucket = S3Server.newBucket();
        Path file = Files.write(data.resolve("short.mp4"), new byte[(int) S3BlobStore.SMALLEST_PART]);
        try (S3BlobStore parted =
                new S3BlobStore(settings(bucket, false), tmp(), new LocalCopies(tmp()), S3BlobStore.SMALLEST_PART)) {
            String key = parted.put(file, "mp4");
            assertThat(S3Server.get().eTag(bucket, key)).doesNotContain("-");
        }
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
