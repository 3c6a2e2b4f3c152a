package app.kadr.generation.provider.fal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a fal webhook's signature covers, and the keys it is checked with. */
class FalWebhookSignatureTest {

    private static final byte[] BODY = "{\"request_id\":\"req-1\",\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignedTextIsRequestUserTimestampAndTheBodysSha256OnePerLine() {
        String message = new String(
                FalWebhookSignature.message("req-1", "user-7", "1764240000", "hello".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(message)
                .isEqualTo("req-1\nuser-7\n1764240000\n"
                        + "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void aSignatureVerifiesOnlyWithItsKeyOverTheExactBody() throws Exception {
        KeyPair fal = ed25519();
        byte[] message = FalWebhookSignature.message("req-1", "user-7", "1764240000", BODY);
        String signature = sign(fal, message);

        assertThat(FalWebhookSignature.verifies(fal.getPublic(), message, signature))
                .isTrue();
        assertThat(FalWebhookSignature.verifies(ed25519().getPublic(), message, signature))
                .isFalse();
        byte[] changedBody = Arrays.copyOf(BODY, BODY.length);
        changedBody[2] = 'R';
        assertThat(FalWebhookSignature.verifies(
                        fal.getPublic(),
                        FalWebhookSignature.message("req-1", "user-7", "1764240000", changedBody),
                        signature))
                .isFalse();
        assertThat(FalWebhookSignature.verifies(fal.getPublic(), message, "not hex"))
                .isFalse();
        assertThat(FalWebhookSignature.verifies(fal.getPublic(), message, "abcd"))
                .isFalse();
    }

    @Test
    void theJwksEd25519KeysAreReadFromTheirBase64UrlXAndOtherKeysAreSkipped() throws Exception {
        KeyPair fal = ed25519();
        String jwks = """
                {"keys":[
                  {"kty":"RSA","n":"AQAB","e":"AQAB"},
                  {"kty":"OKP","crv":"X25519","x":"%1$s"},
                  {"kty":"OKP","crv":"Ed25519","x":"short"},
                  {"kty":"OKP","crv":"Ed25519","alg":"EdDSA","x":"%1$s"}]}""".formatted(jwkX(fal.getPublic()));

        List<PublicKey> keys = FalJwks.parse(JsonMapper.builder().build().readTree(jwks));

        assertThat(keys).hasSize(1);
        byte[] message = FalWebhookSignature.message("req-1", "user-7", "1", BODY);
        assertThat(FalWebhookSignature.verifies(keys.getFirst(), message, sign(fal, message)))
                .isTrue();
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String sign(KeyPair key, byte[] message) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(message);
        return HexFormat.of().formatHex(ed25519.sign());
    }

    /** A JWK's {@code x}: the raw 32 bytes that end the key's X.509 encoding. */
    static String jwkX(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}
