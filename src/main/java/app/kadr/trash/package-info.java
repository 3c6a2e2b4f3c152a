/** The trash: everything deleted waits here, whole, until its owner restores it. */
@NullMarked
package app.kadr.trash;

import org.jspecify.annotations.NullMarked;
