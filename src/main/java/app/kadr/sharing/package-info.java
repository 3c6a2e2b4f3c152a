/**
 * Sharing: links that show a project's storyboard to a client without an account, the client's page, its
 * media served only as re-encoded derivatives, and the client's comments with the owner's inbox.
 */
@NullMarked
package app.kadr.sharing;

import org.jspecify.annotations.NullMarked;
