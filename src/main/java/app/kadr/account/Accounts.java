package app.kadr.account;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.OwnedKind;
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

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final PasswordRules rules;
    private final KadrProperties properties;
    private final Access access;
    private volatile @Nullable String hashOfNothing;

    Accounts(
            Users users,
            ApiTokens tokens,
            PasswordEncoder passwords,
            PasswordRules rules,
            KadrProperties properties,
            Access access) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.rules = rules;
        this.properties = properties;
        this.access = access;
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
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shownName.length() > 100) {
            throw KadrException.invalid("displayName", "signup.display_name.long", 100);
        }
        rules.check(password == null ? "" : password, name, shownName);
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
        User found = user.filter(known -> matches && password != null)
                .orElseThrow(() -> KadrException.of(Problem.UNAUTHORIZED, "login.bad_credentials"));
        if (passwords.upgradeEncoding(found.passwordHash())) {
            // A hash made before PBKDF2 (bcrypt, which cuts passwords at 72 bytes) is replaced at the next login.
            users.changePasswordHash(found.id(), passwords.encode(password));
        }
        return found.asCurrent();
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
        access.require(userId, OwnedKind.API_TOKEN, tokenId);
        tokens.revoke(tokenId);
    }

    java.util.Optional<CurrentUser> byToken(String secret) {
        return tokens.ownerOf(secret).flatMap(users::byId).map(User::asCurrent);
    }

    java.util.Optional<User> byUsername(String username) {
        return users.byUsername(username);
    }
}
