package app.kadr.account;

import java.time.Instant;
import java.util.UUID;

record User(UUID id, String username, String displayName, String passwordHash, Role role, Instant createdAt) {

    CurrentUser asCurrent() {
        return new CurrentUser(id, username, displayName, role);
    }
}
