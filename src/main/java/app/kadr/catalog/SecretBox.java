package app.kadr.catalog;

import app.kadr.shared.KadrProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts provider keys at rest with AES-256-GCM. The key comes from {@code kadr.secret-key} ({@code
 * KADR_SECRET_KEY}, base64 of 32 bytes); without one, a key is made once into {@code <data-dir>/secret.key},
 * readable by the owner only, and reused on every start. A sealed value is {@code v1:} + base64(nonce ‖ ciphertext ‖
 * tag), bound to a context (the provider's id) so a value copied onto another row does not open.
 *
 * <p>Public so that other secrets at rest (the smart-edit agent's key) use the same key and format; only sealing
 * and opening are public.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final String KEY_FILE = "secret.key";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(@Value("${kadr.secret-key:}") String configured, KadrProperties properties) {
        this(configured.isBlank() ? keyFile(properties.dataDir().resolve(KEY_FILE)) : decode(configured));
    }

    SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed value; a value sealed with another key or for another context fails rather than lies. */
    public String open(String sealed, String context) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Not a sealed value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the value or the key in the message: only that it does not open.
            throw new IllegalStateException(
                    "A stored secret does not open with this secret key (was kadr.secret-key changed?)");
        }
    }

    private static byte[] decode(String configured) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("kadr.secret-key (KADR_SECRET_KEY) must be base64 of 32 bytes");
        }
        return key;
    }

    /** Reads the key file, or makes it: written aside with owner-only rights, then moved into place in one step. */
    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path draft = ownerOnlyTempFile(file.toAbsolutePath().getParent());
                Files.writeString(draft, Base64.getEncoder().encodeToString(key));
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("Made a new secret key for provider keys at {}; keep it with the database", file);
            }
            // Read back rather than use what was made: if two starts raced, both use the file that won.
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    dir,
                    "secret",
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "secret", ".part");
    }
}
