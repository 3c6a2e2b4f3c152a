/**
 * Stability AI REST v2beta: one multipart POST per image, answered at once (or with an id to poll for the few
 * asynchronous endpoints).
 */
@NullMarked
package app.kadr.generation.provider.stability;

import org.jspecify.annotations.NullMarked;
