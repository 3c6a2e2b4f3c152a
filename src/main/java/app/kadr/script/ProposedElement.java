package app.kadr.script;

import org.jspecify.annotations.Nullable;

/** A new element a proposal suggests for a name the script repeats but the library lacks; {@code uses}: in how many shots. */
public record ProposedElement(
        @Nullable String handle,
        @Nullable String name,
        @Nullable String kind,
        int uses) {}
