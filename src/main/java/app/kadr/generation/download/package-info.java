/** Downloading a provider's result URL into Kadr's own storage without letting the URL reach internal addresses. */
@NullMarked
package app.kadr.generation.download;

import org.jspecify.annotations.NullMarked;
