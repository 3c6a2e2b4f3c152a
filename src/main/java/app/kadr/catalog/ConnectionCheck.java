package app.kadr.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Makes a provider's cheapest documented authenticated call. Implemented where the protocols are spoken (the
 * generation module's adapters); the catalog stores what it found and shows it.
 */
public interface ConnectionCheck {

    /** What was wrong, or {@link Outcome#fine()}. Never throws for a provider's failure: that is the answer. */
    Outcome check(Provider provider, @Nullable String apiKey);

    record Outcome(@Nullable CheckProblem problem, @Nullable String detail) {

        public static Outcome fine() {
            return new Outcome(null, null);
        }

        public static Outcome of(CheckProblem problem, @Nullable String detail) {
            return new Outcome(problem, detail);
        }
    }
}
