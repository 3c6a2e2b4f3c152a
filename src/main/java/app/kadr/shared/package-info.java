/** What every feature shares: errors and their Russian messages, the access check (Access), settings, database helpers. */
@NullMarked
package app.kadr.shared;

import org.jspecify.annotations.NullMarked;
