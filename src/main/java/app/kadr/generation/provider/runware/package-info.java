/** Runware's task API: every call is a JSON array of tasks; images answer at once, videos are polled. */
@NullMarked
package app.kadr.generation.provider.runware;

import org.jspecify.annotations.NullMarked;
