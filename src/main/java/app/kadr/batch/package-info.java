/**
 * Batches: one model run over many shots of a storyboard, each shot's description as its prompt, with the total
 * price shown before it starts. The generations are the generation module's own; a batch keeps which ones it
 * started, counts their progress and cancels the unfinished ones together.
 */
@NullMarked
package app.kadr.batch;

import org.jspecify.annotations.NullMarked;
