/** A self-hosted ComfyUI: a stored workflow template filled in, queued, and read back from its history. */
@NullMarked
package app.kadr.generation.provider.comfyui;

import org.jspecify.annotations.NullMarked;
