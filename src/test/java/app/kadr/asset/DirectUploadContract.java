package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.storage.BlobStore;
import app.kadr.support.Api;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Direct uploads as a browser makes them: ask for an address, send the bytes there, confirm. The same
 * specification runs on the local disk and on a bucket of a real S3 server.
 */
abstract class DirectUploadContract {

    @Autowired
    Studio studio;

    @Autowired
    BlobStore blobs;

    @Autowired
    DirectUploads uploads;

    @Autowired
    JdbcClient jdbc;

    final HttpClient browser = HttpClient.newHttpClient();
    Studio.Person owner;
    String shot;

    @BeforeEach
    void aShot() {
        owner = studio.newPerson();
        shot = studio.newShot(owner, studio.newProject(owner, "Прямые загрузки"), "Погоня");
    }

    /** Asks for an upload address for a file of the given declared size. */
    JsonNode start(String fileName, long size, String contentType) {
        Api.Response ticket = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", fileName, "size", size, "contentType", contentType));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        return ticket.json();
    }

    /** Sends the bytes where the ticket says, as the browser does (Kadr's own address wants the person's token). */
    int send(JsonNode ticket, byte[] bytes) throws Exception {
        // Kadr's own address is a path (no KADR_PUBLIC_URL in tests), a bucket's a whole address.
        URI url = URI.create(studio.baseUrl()).resolve(ticket.path("url").asString());
        HttpRequest.Builder put = HttpRequest.newBuilder(url)
                .method(ticket.path("method").asString(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        ticket.path("headers")
                .properties()
                .forEach(header -> put.header(header.getKey(), header.getValue().asString()));
        if (url.toString().startsWith(studio.baseUrl())) {
            put.header("Authorization", "Bearer " + owner.token());
        }
        return browser.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    Api.Response confirm(JsonNode ticket) {
        return owner.api().post("/api/v1/uploads/" + ticket.path("uploadId").asString() + "/confirm", null);
    }

    String keyOf(JsonNode ticket) {
        return jdbc.sql("select blob_key from direct_uploads where id = ?")
                .param(java.util.UUID.fromString(ticket.path("uploadId").asString()))
                .query(String.class)
                .single();
    }

    @Test
    void aVideoSentStraightToTheStoreBecomesOneTakeHoweverOftenItIsConfirmed() throws Exception {
        byte[] video = Samples.video("mp4", 2);
        JsonNode ticket = start("погоня.mp4", video.length, "video/mp4");
        assertThat(ticket.path("expiresAt").asString()).isNotBlank();

        assertThat(send(ticket, video)).isBetween(200, 204);
        List<CompletableFuture<Api.Response>> confirms = List.of(
                CompletableFuture.supplyAsync(() -> confirm(ticket)),
                CompletableFuture.supplyAsync(() -> confirm(ticket)),
                CompletableFuture.supplyAsync(() -> confirm(ticket)));
        List<String> assets = confirms.stream()
                .map(CompletableFuture::join)
                .peek(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200))
                .map(Api.Response::id)
                .distinct()
                .toList();

        assertThat(assets).hasSize(1);
        assertThat(confirm(ticket).id()).isEqualTo(assets.getFirst());
        JsonNode take = studio.awaitProcessed(owner, assets.getFirst());
        assertThat(take.path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(take.path("fileName").asString()).isEqualTo("погоня.mp4");
        assertThat(take.path("bytes").asLong()).isEqualTo(video.length);
        assertThat(owner.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .hasSize(1);
    }

    @Test
    void aFileOfAnotherSizeThanDeclaredIsRefusedInRussianAndDeleted() throws Exception {
        byte[] video = Samples.video("mp4", 2);
        JsonNode ticket = start("погоня.mp4", video.length + 10, "video/mp4");
        send(ticket, video);
        String key = keyOf(ticket);

        Api.Response refused = confirm(ticket);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.string("detail")).contains("Размер файла не совпадает");
        assertThat(blobs.exists(key)).isFalse();
        assertThat(confirm(ticket).status()).isEqualTo(404);
    }

    @Test
    void aFakeVideoIsRefusedInRussianAndDeleted() throws Exception {
        byte[] fake = "это не видео, а текст".repeat(50).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode ticket = start("фильм.mp4", fake.length, "video/mp4");
        send(ticket, fake);
        String key = keyOf(ticket);

        Api.Response refused = confirm(ticket);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("detail")).contains("фильм.mp4").matches("(?s).*[а-я]{4,}.*");
        assertThat(blobs.exists(key)).isFalse();
        assertThat(owner.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .isEmpty();
    }

    @Test
    void aJpegCutShortIsRefusedAtConfirmAndDeleted() throws Exception {
        byte[] whole = Samples.jpeg(1600, 900);
        assertThat(whole.length).isGreaterThan(3 * 4096);
        byte[] cut = java.util.Arrays.copyOf(whole, 4096);
        JsonNode ticket = start("закат.jpg", cut.length, "image/jpeg");
        send(ticket, cut);
        String key = keyOf(ticket);

        Api.Response refused = confirm(ticket);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("detail")).contains("закат.jpg", "загружено не полностью");
        assertThat(blobs.exists(key)).isFalse();
        assertThat(owner.api().get("/api/v1/shots/" + shot + "/assets").json().path("items"))
                .isEmpty();
    }

    @Test
    void anUploadNeverConfirmedExpiresAndItsBytesAreDeleted() throws Exception {
        byte[] still = Samples.png(64, 64);
        JsonNode ticket = start("кадр.png", still.length, "image/png");
        send(ticket, still);
        String key = keyOf(ticket);
        assertThat(blobs.exists(key)).isTrue();
        jdbc.sql("update direct_uploads set expires_at = ? where blob_key = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), key)
                .update();

        uploads.expire();

        assertThat(blobs.exists(key)).isFalse();
        assertThat(confirm(ticket).status()).isEqualTo(404);
    }

    @Test
    void confirmingBeforeTheBytesArrivedSaysSo() {
        JsonNode ticket = start("кадр.png", 1000, "image/png");

        Api.Response early = confirm(ticket);

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.string("detail")).contains("ещё не загружен");
    }

    @Test
    void someoneElsesShotAndUploadAreNotFound() throws Exception {
        Studio.Person stranger = studio.newPerson();
        byte[] still = Samples.png(64, 64);
        JsonNode ticket = start("кадр.png", still.length, "image/png");
        send(ticket, still);

        assertThat(stranger.api()
                        .post(
                                "/api/v1/shots/" + shot + "/uploads",
                                Map.of("fileName", "x.png", "size", 10, "contentType", "image/png"))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post("/api/v1/uploads/" + ticket.path("uploadId").asString() + "/confirm", null)
                        .status())
                .isEqualTo(404);
        assertThat(confirm(ticket).status()).isEqualTo(200);
    }

    @Test
    void aDeclarationWithoutSizeOrTypeIsRefusedInRussian() {
        Api.Response noSize = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", "x.mp4", "size", 0, "contentType", "video/mp4"));
        Api.Response noType = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", "x.mp4", "size", 10, "contentType", "видео"));

        assertThat(noSize.status()).isEqualTo(400);
        assertThat(noSize.string("detail")).contains("размер");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.string("detail")).contains("тип файла");
    }
}
