/**
 * Live updates to open pages over Server-Sent Events, so statuses change without a reload. The other modules only
 * say what happened (their events); this module alone turns that into page events, on every instance that has a
 * page of the project open.
 */
@NullMarked
package app.kadr.live;

import org.jspecify.annotations.NullMarked;
