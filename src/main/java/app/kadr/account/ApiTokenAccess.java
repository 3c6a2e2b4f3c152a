package app.kadr.account;

import app.kadr.shared.AccessRule;
import app.kadr.shared.ColumnAccessRule;
import app.kadr.shared.OwnedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An API token is the person's it signs in. */
@Component
class ApiTokenAccess extends ColumnAccessRule {

    ApiTokenAccess(JdbcClient jdbc) {
        super(OwnedKind.API_TOKEN, jdbc, "select user_id from api_tokens where id = ?", AccessRule.Holder::person);
    }
}
