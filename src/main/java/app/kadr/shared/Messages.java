package app.kadr.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Russian texts from the message bundle, for code that must produce a sentence outside a template. */
@Component
public class Messages {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return source.getMessage(key, args, RUSSIAN);
    }

    public String detailOf(KadrException e) {
        return source.getMessage(e.messageKey(), e.args(), RUSSIAN);
    }
}
