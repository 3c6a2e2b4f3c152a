/**
 * Media: recognising uploads by content and turning originals into the derivatives the studio shows
 * (thumbnail, preview, placeholder, poster, hover clip) and a client reviews (full-quality renditions). Pure functions
 * over files; no database.
 */
@NullMarked
package app.kadr.media;

import org.jspecify.annotations.NullMarked;
