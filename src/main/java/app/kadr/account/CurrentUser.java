package app.kadr.account;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in person, as controllers receive it (by session or by API token). Serializable because a session,
 * with the person in it, is stored in the database, indexed by the principal's name: the username.
 */
public record CurrentUser(UUID id, String username, String displayName, Role role)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
