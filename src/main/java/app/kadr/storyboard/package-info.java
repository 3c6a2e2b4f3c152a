/** The storyboard: a project's shots in order, their numbers, headliners, reordering and the grid page. */
@NullMarked
package app.kadr.storyboard;

import org.jspecify.annotations.NullMarked;
