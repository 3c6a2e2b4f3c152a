/**
 * The built-in engine that generates with no provider keys and no network, labelled «без ИИ»: procedural draft
 * images, pan-and-zoom clips from stills and plain upscaling. Pure functions over files; no database.
 */
@NullMarked
package app.kadr.localengine;

import org.jspecify.annotations.NullMarked;
