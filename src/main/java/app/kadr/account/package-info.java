/** Accounts: sign-up, login, personal API tokens and the security rules of the whole studio. */
@NullMarked
package app.kadr.account;

import org.jspecify.annotations.NullMarked;
