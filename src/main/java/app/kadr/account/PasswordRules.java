package app.kadr.account;

import app.kadr.shared.KadrException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 8 to 128 characters (any alphabet: the hash takes any length in bytes), not one of
 * the 10,000 passwords guessed first, and not the login or the shown name. The list is the start of the
 * frequency-ordered password dictionary of zxcvbn-ts ({@code @zxcvbn-ts/language-common} 4.1.3, MIT, see
 * {@code account/common-passwords.LICENSE.txt}), passwords shorter than 8 characters left out as refused anyway.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final Set<String> common = load("account/common-passwords.txt");

    void check(String password, String username, String displayName) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw KadrException.invalid("password", "signup.password.length", MIN_LENGTH, MAX_LENGTH);
        }
        String folded = fold(password);
        if (folded.equals(fold(username)) || folded.equals(fold(displayName))) {
            throw KadrException.invalid("password", "signup.password.like_name");
        }
        if (common.contains(folded)) {
            throw KadrException.invalid("password", "signup.password.common");
        }
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().map(PasswordRules::fold).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
