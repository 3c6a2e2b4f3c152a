package app.kadr.script;

import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The stored proposals, their shots and new elements kept whole as JSON. */
@Repository
class Proposals {

    /** What is kept of a proposal besides its columns. */
    record Body(List<ProposedShot> shots, List<ProposedElement> newElements) {}

    /** A stored proposal and whether it was applied already. */
    record Stored(Proposal proposal, @Nullable Instant appliedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Proposals(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Proposal proposal, Instant now) {
        jdbc.sql("""
                        insert into script_proposals (id, project_id, format, by_agent, proposal, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        proposal.id(),
                        proposal.projectId(),
                        proposal.format(),
                        proposal.byAgent(),
                        json.writeValueAsString(new Body(proposal.shots(), proposal.newElements())),
                        Rows.ts(now),
                        Rows.ts(proposal.expiresAt()))
                .update();
    }

    /** A proposal of the project that has not expired. */
    Optional<Stored> find(UUID projectId, UUID id, Instant now) {
        return jdbc.sql("""
                        select * from script_proposals where id = ? and project_id = ? and expires_at > ?""")
                .params(id, projectId, Rows.ts(now))
                .query((rs, n) -> {
                    Body body = json.readValue(rs.getString("proposal"), Body.class);
                    return new Stored(
                            new Proposal(
                                    id,
                                    projectId,
                                    rs.getString("format"),
                                    rs.getBoolean("by_agent"),
                                    body.shots(),
                                    body.newElements(),
                                    Rows.instant(rs, "expires_at")),
                            Rows.instant(rs, "applied_at"));
                })
                .optional();
    }

    /** Marks a proposal applied; false when another request applied it first. */
    boolean markApplied(UUID id, Instant now) {
        return jdbc.sql("update script_proposals set applied_at = ? where id = ? and applied_at is null")
                        .params(Rows.ts(now), id)
                        .update()
                > 0;
    }

    /** Forgets the proposals that expired: nobody can apply them any more. */
    int deleteExpired(Instant now) {
        return jdbc.sql("delete from script_proposals where expires_at <= ?")
                .param(Rows.ts(now))
                .update();
    }
}
