package app.kadr.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A whole-studio test whose outcome does not depend on the database: its cost is ffmpeg renders, provider fakes or
 * child processes, and its SQL is the same on both. It runs in the H2 pass and is left out of the PostgreSQL pass
 * (pom.xml, execution {@code postgres}), which keeps CI within its time budget.
 */
@Tag("vendor-neutral")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface VendorNeutral {}
