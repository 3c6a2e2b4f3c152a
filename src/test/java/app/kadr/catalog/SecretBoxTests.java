package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    @TempDir
    Path dir;

    @Test
    void aSealedKeyOpensOnlyWithItsKeyAndForItsProvider() {
        SecretBox box = new SecretBox(SecretBox.keyFile(dir.resolve("secret.key")));
        String sealed = box.seal("fal-secret-123", "provider-a");

        assertThat(sealed).startsWith("v1:").doesNotContain("fal-secret-123");
        assertThat(box.seal("fal-secret-123", "provider-a")).isNotEqualTo(sealed); // a fresh nonce every time
        assertThat(box.open(sealed, "provider-a")).isEqualTo("fal-secret-123");
        assertThatThrownBy(() -> box.open(sealed, "provider-b")).hasMessageNotContaining("fal-secret-123");
        assertThatThrownBy(() -> new SecretBox(new byte[32]).open(sealed, "provider-a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndReused() throws Exception {
        Path file = dir.resolve("data").resolve("secret.key");
        byte[] first = SecretBox.keyFile(file);

        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretBox.keyFile(file)).isEqualTo(first);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aConfiguredKeyMustBe32BytesOfBase64() {
        var properties = new app.kadr.shared.KadrProperties(dir, true, false, null);
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=", properties)).hasMessageContaining("32 bytes");
        String good = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = new SecretBox(good, properties);
        assertThat(box.open(box.seal("k", "p"), "p")).isEqualTo("k");
        assertThat(dir.resolve("secret.key")).doesNotExist();
    }
}
