package app.kadr.media;

/**
 * A file that cannot be used. {@link #reasonKey()} names a message in the bundle whose Russian text tells
 * the person why (for an upload refused at once, or for an asset marked broken later).
 */
public class MediaException extends Exception {

    private final String reasonKey;
    private final Object[] args;

    public MediaException(String reasonKey, Object... args) {
        super(reasonKey);
        this.reasonKey = reasonKey;
        this.args = args;
    }

    public MediaException(String reasonKey, Throwable cause, Object... args) {
        super(reasonKey, cause);
        this.reasonKey = reasonKey;
        this.args = args;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
