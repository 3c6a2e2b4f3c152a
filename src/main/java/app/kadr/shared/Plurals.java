package app.kadr.shared;

import org.springframework.stereotype.Component;

/**
 * Russian counted nouns («1 шот», «3 шота», «11 шотов»), which Java's choice format cannot express. Templates
 * call it as {@code ${@plurals.of(count, 'projects.shots')}} with keys ending in .one, .few and .many.
 */
@Component("plurals")
public class Plurals {

    private final Messages messages;

    Plurals(Messages messages) {
        this.messages = messages;
    }

    public String of(long count, String key) {
        return messages.get(key + "." + form(count), count);
    }

    static String form(long count) {
        long lastTwo = Math.abs(count) % 100;
        long last = lastTwo % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "many";
        }
        if (last == 1) {
            return "one";
        }
        return last >= 2 && last <= 4 ? "few" : "many";
    }
}
