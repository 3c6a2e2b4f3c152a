package app.kadr.localengine;

/**
 * A request the built-in engine cannot carry out. {@link #reasonKey()} names a message in the {@code localengine}
 * bundle whose Russian text tells the person why; {@link #args()} fill its placeholders.
 */
public class LocalEngineException extends Exception {

    private final String reasonKey;
    private final Object[] args;

    public LocalEngineException(String reasonKey, Object... args) {
        super(reasonKey);
        this.reasonKey = reasonKey;
        this.args = args.clone();
    }

    public LocalEngineException(String reasonKey, Throwable cause, Object... args) {
        super(reasonKey, cause);
        this.reasonKey = reasonKey;
        this.args = args.clone();
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
