package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.Problem;
import app.kadr.shared.Rows;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, credentials and personal tokens. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,64}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 200;

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final KadrProperties properties;
    private volatile @Nullable String hashOfNothing;

    Accounts(Users users, ApiTokens tokens, PasswordEncoder passwords, KadrProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.properties = properties;
    }

    public boolean signupOpen() {
        return properties.signup();
    }

    /** Creates an account; the very first one becomes the admin. */
    @Transactional
    public CurrentUser signup(String username, String password, String displayName) {
        if (!properties.signup()) {
            throw KadrException.of(Problem.FORBIDDEN, "signup.closed");
        }
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw KadrException.invalid("username", "signup.username.invalid");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw KadrException.invalid("password", "signup.password.length", MIN_PASSWORD, MAX_PASSWORD);
        }
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shownName.length() > 100) {
            throw KadrException.invalid("displayName", "signup.display_name.long", 100);
        }
        if (users.byUsername(name).isPresent()) {
            throw KadrException.invalid("username", "signup.username.taken");
        }
        Role role = users.count() == 0 ? Role.ADMIN : Role.USER;
        User user = new User(UUID.randomUUID(), name, shownName, passwords.encode(password), role, Rows.now());
        users.insert(user);
        return user.asCurrent();
    }

    /**
     * Checks a login and password; a wrong pair is one message whichever half was wrong. An unknown login is
     * checked against a hash of nothing, so it takes as long as a known one and the time does not tell who has an
     * account.
     */
    CurrentUser authenticate(String username, String password) {
        Optional<User> user = users.byUsername(username == null ? "" : username.trim());
        boolean matches = passwords.matches(
                password == null ? "" : password, user.map(User::passwordHash).orElseGet(this::hashOfNothing));
        return user.filter(found -> matches && password != null)
                .map(User::asCurrent)
                .orElseThrow(() -> KadrException.of(Problem.UNAUTHORIZED, "login.bad_credentials"));
    }

    private String hashOfNothing() {
        String hash = hashOfNothing;
        if (hash == null) {
            hash = passwords.encode(UUID.randomUUID().toString());
            hashOfNothing = hash;
        }
        return hash;
    }

    public ApiTokens.Issued issueToken(UUID userId, String name) {
        String tokenName = name == null || name.isBlank() ? "API" : name.strip();
        if (tokenName.length() > 100) {
            throw KadrException.invalid("name", "token.name.long", 100);
        }
        return tokens.issue(userId, tokenName);
    }

    public List<ApiToken> tokensOf(UUID userId) {
        return tokens.of(userId);
    }

    public void revokeToken(UUID userId, UUID tokenId) {
        if (!tokens.revoke(userId, tokenId)) {
            throw KadrException.notFound();
        }
    }

    java.util.Optional<CurrentUser> byToken(String secret) {
        return tokens.ownerOf(secret).flatMap(users::byId).map(User::asCurrent);
    }

    java.util.Optional<User> byUsername(String username) {
        return users.byUsername(username);
    }
}
