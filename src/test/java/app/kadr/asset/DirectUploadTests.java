package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Direct uploads on the local disk: the address is Kadr's own, which takes the bytes as they come. */
@KadrTest
class DirectUploadTests extends DirectUploadContract {

    @Test
    void theAddressIsKadrsOwn() {
        JsonNode ticket = start("кадр.png", 10, "image/png");

        assertThat(ticket.path("url").asString())
                .isEqualTo("/api/v1/uploads/" + ticket.path("uploadId").asString() + "/content");
        assertThat(ticket.path("method").asString()).isEqualTo("PUT");
    }

    @Test
    void bytesBeyondTheDeclaredSizeAreRefusedAndNothingIsKept() throws Exception {
        byte[] still = Samples.png(64, 64);
        JsonNode ticket = start("кадр.png", still.length - 1, "image/png");

        assertThat(send(ticket, still)).isEqualTo(400);

        assertThat(blobs.exists(keyOf(ticket))).isFalse();
    }
}
