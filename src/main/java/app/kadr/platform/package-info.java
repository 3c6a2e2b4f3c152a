/**
 * Platform versions: from one take of a shot, the cuts each social platform wants (Reels and Stories 9:16, feed 4:5
 * and 1:1, YouTube 16:9, Telegram), framed around a focal point, made locally by a durable job and kept as new takes
 * of the same shot. This module owns which versions were asked for and which take each one became.
 */
@NullMarked
package app.kadr.platform;

import org.jspecify.annotations.NullMarked;
