/**
 * The film as a whole: the headliners of a project's shots one after another, for the edit (timelines in EDL,
 * FCPXML and OpenTimelineIO, and a hand-off ZIP with the original files).
 */
@NullMarked
package app.kadr.film;

import org.jspecify.annotations.NullMarked;
