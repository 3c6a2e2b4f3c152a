package app.kadr.smartedit;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import org.jspecify.annotations.Nullable;

/** Why the agent gave no usable answer; each kind has its Russian message and its problem for the API. */
final class AgentException extends Exception {

    enum Kind {
        REFUSED(Problem.AGENT_REFUSED, "agent.error.refused"),
        BUSY(Problem.AGENT_BUSY, "agent.error.busy"),
        AUTH(Problem.AGENT_UNAVAILABLE, "agent.error.auth"),
        REJECTED(Problem.AGENT_UNAVAILABLE, "agent.error.rejected"),
        FAILED(Problem.AGENT_UNAVAILABLE, "agent.error.failed"),
        UNREACHABLE(Problem.AGENT_UNAVAILABLE, "agent.error.unreachable"),
        TIMEOUT(Problem.AGENT_TIMEOUT, "agent.error.timeout"),
        MALFORMED(Problem.AGENT_UNAVAILABLE, "agent.error.malformed"),
        FORBIDDEN_ADDRESS(Problem.AGENT_UNAVAILABLE, "agent.error.forbidden_address");

        final Problem problem;
        final String messageKey;

        Kind(Problem problem, String messageKey) {
            this.problem = problem;
            this.messageKey = messageKey;
        }
    }

    private final Kind kind;

    AgentException(Kind kind, @Nullable String detail) {
        super(kind + (detail == null ? "" : ": " + detail));
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    KadrException toProblem() {
        return KadrException.of(kind.problem, kind.messageKey);
    }
}
