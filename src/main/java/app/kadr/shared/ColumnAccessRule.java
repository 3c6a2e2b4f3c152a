package app.kadr.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rule of a kind without a trash whose holder is one column of its own row: the owning module names the kind,
 * its query (one id in, one id out) and what that id is; the query stays in the module that owns the table.
 */
public abstract class ColumnAccessRule implements AccessRule {

    private final OwnedKind kind;
    private final JdbcClient jdbc;
    private final String holderQuery;
    private final Function<UUID, Holder> holder;

    protected ColumnAccessRule(OwnedKind kind, JdbcClient jdbc, String holderQuery, Function<UUID, Holder> holder) {
        this.kind = kind;
        this.jdbc = jdbc;
        this.holderQuery = holderQuery;
        this.holder = holder;
    }

    @Override
    public OwnedKind kind() {
        return kind;
    }

    @Override
    public Optional<Holder> holderOf(UUID id, boolean trashed) {
        if (trashed) {
            return Optional.empty();
        }
        return jdbc.sql(holderQuery).param(id).query(UUID.class).optional().map(holder);
    }
}
