/** The one interface every provider adapter implements, and the values that cross it. */
@NullMarked
package app.kadr.generation.provider;

import org.jspecify.annotations.NullMarked;
