/** What every feature shares: errors and their Russian messages, ownership checks, settings, database helpers. */
@NullMarked
package app.kadr.shared;

import org.jspecify.annotations.NullMarked;
