/** Where file bytes live: a blob store with atomic writes and names that never come from user input. */
@NullMarked
package app.kadr.storage;

import org.jspecify.annotations.NullMarked;
