package app.kadr.catalog;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The catalog's Russian texts without a running studio, for unit tests that read what a person would. */
final class RussianMessages {

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasenames("messages/catalog", "messages/common");
        SOURCE.setDefaultEncoding("UTF-8");
        SOURCE.setFallbackToSystemLocale(false);
    }

    private RussianMessages() {}

    static MessageSource source() {
        return SOURCE;
    }

    static String of(KadrException e) {
        return SOURCE.getMessage(e.messageKey(), e.args(), Messages.RUSSIAN);
    }
}
