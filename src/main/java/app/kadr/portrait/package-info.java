/**
 * Portraits: «Сгенерировать портрет» on a character's page makes three views of it (front, three-quarter, profile)
 * through the generation module, each from the character's description, and every take that comes out joins the
 * character's reference images as a new version. The link from generation to character is kept, so a portrait
 * finishing during a restart still arrives.
 */
@NullMarked
package app.kadr.portrait;

import org.jspecify.annotations.NullMarked;
