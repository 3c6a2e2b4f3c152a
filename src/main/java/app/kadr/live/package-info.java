/** Live updates to open pages over Server-Sent Events, so statuses change without a reload. */
@NullMarked
package app.kadr.live;

import org.jspecify.annotations.NullMarked;
