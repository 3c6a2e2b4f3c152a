package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Size limits are per kind and configurable; here images may not exceed 20 KB. */
@KadrTest
@TestPropertySource(properties = "kadr.upload.max-image-bytes=20000")
class UploadLimitTests {

    @Autowired
    Studio studio;

    @Test
    void anImageOverTheLimitIsRefusedWithTheLimitNamed() {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Лимиты"), "Шот");
        byte[] large = Samples.jpeg(1600, 1600);
        assertThat(large.length).isGreaterThan(20_000);

        Api.Response refused =
                person.api().upload("/api/v1/shots/" + shot + "/assets", new NamedBytes("big.jpg", large));
        Api.Response small = person.api()
                .upload("/api/v1/shots/" + shot + "/assets", new NamedBytes("small.png", Samples.png(16, 16)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.string("code")).isEqualTo("too_large");
        assertThat(refused.string("detail")).contains("big.jpg").contains("19 КБ");
        assertThat(small.status()).isEqualTo(201);
    }
}
