/** Assets: every take of a shot (uploads now, generations later), their files, processing and the box page. */
@NullMarked
package app.kadr.asset;

import org.jspecify.annotations.NullMarked;
