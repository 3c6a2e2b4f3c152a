package app.kadr.account;

import java.util.UUID;

/** The signed-in person, as controllers receive it (by session or by API token). */
public record CurrentUser(UUID id, String username, String displayName, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
