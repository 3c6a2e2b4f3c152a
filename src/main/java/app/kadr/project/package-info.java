/** Projects: a film or clip, with its list, cover, counts, renaming and trash. */
@NullMarked
package app.kadr.project;

import org.jspecify.annotations.NullMarked;
