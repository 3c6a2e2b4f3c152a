package app.kadr.shared;

import org.jspecify.annotations.Nullable;

/**
 * The one error type of Kadr. It carries a {@link Problem} and a message key whose Russian text is
 * resolved at the edge, so services never build user-facing strings.
 */
public class KadrException extends RuntimeException {

    private final Problem problem;
    private final String messageKey;
    private final Object[] args;
    private final @Nullable String field;

    public KadrException(Problem problem, String messageKey, @Nullable String field, Object... args) {
        super(messageKey);
        this.problem = problem;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public static KadrException notFound() {
        return new KadrException(Problem.NOT_FOUND, "problem.not_found.detail", null);
    }

    public static KadrException invalid(String field, String messageKey, Object... args) {
        return new KadrException(Problem.VALIDATION, messageKey, field, args);
    }

    public static KadrException conflict(String messageKey, Object... args) {
        return new KadrException(Problem.CONFLICT, messageKey, null, args);
    }

    public static KadrException of(Problem problem, String messageKey, Object... args) {
        return new KadrException(problem, messageKey, null, args);
    }

    public Problem problem() {
        return problem;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public @Nullable String field() {
        return field;
    }
}
