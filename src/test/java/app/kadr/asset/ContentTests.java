package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** How files are served: versioned addresses cached for good, revalidation by ETag, ranges for video. */
@KadrTest
class ContentTests {

    @Autowired
    Studio studio;

    @Test
    void aVersionedThumbnailIsCachedForGoodAndRevalidatesByEtag() {
        Studio.Person person = studio.newPerson();
        String id = uploadedBy(person, new NamedBytes("a.png", Samples.png(500, 300)));
        String thumbUrl =
                studio.awaitProcessed(person, id).path("urls").path("thumb").asString();

        Api.Response thumb = person.api().get(thumbUrl);
        Api.Response again = person.api()
                .get(thumbUrl, Map.of("If-None-Match", thumb.headers().getETag()));
        Api.Response unversioned = person.api().get("/api/v1/assets/" + id + "/content/thumb");

        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.headers().getCacheControl())
                .contains("max-age=31536000")
                .contains("immutable");
        assertThat(again.status()).isEqualTo(304);
        assertThat(unversioned.headers().getCacheControl()).contains("no-cache");
    }

    @Test
    void aVideoIsServedInRanges() {
        Studio.Person person = studio.newPerson();
        String id = uploadedBy(person, new NamedBytes("v.mp4", Samples.video("mp4", 3)));
        JsonNode asset = studio.awaitProcessed(person, id);

        Api.Response part =
                person.api().get(asset.path("urls").path("original").asString(), Map.of("Range", "bytes=0-99"));

        assertThat(part.status()).isEqualTo(206);
        assertThat(part.bytes()).hasSize(100);
        assertThat(part.headers().getFirst("Content-Range")).startsWith("bytes 0-99/");
    }

    @Test
    void aRangePastTheEndIsRefusedWithoutTheFile() {
        Studio.Person person = studio.newPerson();
        String id = uploadedBy(person, new NamedBytes("v.mp4", Samples.video("mp4", 3)));
        JsonNode urls = studio.awaitProcessed(person, id).path("urls");

        for (String variant : new String[] {"original", "thumb", "hover"}) {
            Api.Response whole = person.api().get(urls.path(variant).asString());
            long length = whole.bytes().length;
            Api.Response past =
                    person.api().get(urls.path(variant).asString(), Map.of("Range", "bytes=" + (length + 10) + "-"));

            assertThat(past.status()).as(variant).isEqualTo(416);
            assertThat(past.headers().getFirst("Content-Range")).as(variant).isEqualTo("bytes */" + length);
            assertThat(past.bytes()).as(variant + ": no body").isEmpty();
        }
    }

    @Test
    void theOriginalDownloadsUnderItsOwnName() {
        Studio.Person person = studio.newPerson();
        String id = uploadedBy(person, new NamedBytes("рассвет.png", Samples.png(20, 20)));

        Api.Response download = person.api().get("/api/v1/assets/" + id + "/content/original?download=true");

        assertThat(download.headers().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("рассвет.png");
        assertThat(download.bytes()).isEqualTo(Samples.png(20, 20));
    }

    @Test
    void anUnknownVariantIsNotFound() {
        Studio.Person person = studio.newPerson();
        String id = uploadedBy(person, new NamedBytes("a.png", Samples.png(20, 20)));

        assertThat(person.api().get("/api/v1/assets/" + id + "/content/secret").status())
                .isEqualTo(404);
        assertThat(person.api().get("/api/v1/assets/" + id + "/content/hover").status())
                .isEqualTo(404);
    }

    private String uploadedBy(Studio.Person person, NamedBytes file) {
        String shot = studio.newShot(person, studio.newProject(person, "Файлы"), "Шот");
        return studio.upload(person, shot, file).getFirst();
    }
}
