package app.kadr.account;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks passwords against the bcrypt hashes of older accounts. bcrypt refuses a password over 72 bytes with an
 * exception; no such hash can exist (it could not have been made), so a longer password simply does not match.
 */
final class ShortPasswordsBcrypt extends BCryptPasswordEncoder {

    private static final int MAX_BYTES = 72;

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        return rawPassword.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && super.matchesNonNull(rawPassword, encodedPassword);
    }
}
