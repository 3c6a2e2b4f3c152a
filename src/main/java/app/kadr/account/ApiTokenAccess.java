package app.kadr.account;

import app.kadr.shared.AccessRule;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An API token is the person's it signs in. */
@Component
class ApiTokenAccess implements AccessRule {

    private final JdbcClient jdbc;

    ApiTokenAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnedKind kind() {
        return OwnedKind.API_TOKEN;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        if (trashed) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id from api_tokens where id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .map(Holder::person);
    }
}
