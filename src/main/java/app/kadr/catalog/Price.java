package app.kadr.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What one unit of a model's output costs at the provider, in US dollars: an estimate shown before generating. */
public record Price(Unit unit, BigDecimal usd) {

    public enum Unit {
        IMAGE,
        SECOND,
        RUN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Unit> of(@Nullable String code) {
            return Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
        }
    }

    static final BigDecimal MAX_USD = new BigDecimal("999999");

    /** The price as JSON shows it: no trailing zeros, never in exponent form. */
    public BigDecimal usdPlain() {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
