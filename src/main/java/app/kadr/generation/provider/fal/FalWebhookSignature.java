package app.kadr.generation.provider.fal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * What fal signs for a webhook: its request id, user id and timestamp headers and the SHA-256 of the body, in hex,
 * one per line; the signature header is the Ed25519 signature of that text, in hex.
 */
final class FalWebhookSignature {

    private FalWebhookSignature() {}

    static byte[] message(String requestId, String userId, String timestamp, byte[] body) {
        return String.join("\n", requestId, userId, timestamp, sha256Hex(body)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code hexSignature} is {@code key}'s signature of {@code message}; malformed hex is not. */
    static boolean verifies(PublicKey key, byte[] message, String hexSignature) {
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(hexSignature.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException wrongLengthOrKey) {
            return false;
        }
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
