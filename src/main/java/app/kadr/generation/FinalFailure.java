package app.kadr.generation;

import org.jspecify.annotations.Nullable;

/**
 * A step failed in a way no retry can mend, on the studio's side rather than the provider's: a source image that is
 * gone, a result file that is not a usable image or video, a disk that cannot be written. The generation ends with
 * the code, whose Russian reason is {@code generation.failed.<code>}.
 *
 * @see GenerationRunner
 */
final class FinalFailure extends RuntimeException {

    static final String SOURCE_GONE = "source_gone";
    static final String RESULT_REFUSED = "result_refused";
    static final String DISK_ERROR = "disk_error";

    private final String code;
    private final @Nullable String field;

    FinalFailure(String code, @Nullable String field, String detail, @Nullable Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.field = field;
    }

    String code() {
        return code;
    }

    /** What the reason names: for a refused result, the media message key that says why. */
    @Nullable
    String field() {
        return field;
    }
}
