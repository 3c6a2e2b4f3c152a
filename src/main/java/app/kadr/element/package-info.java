/**
 * Elements: a project's library of recurring characters, locations, props and styles. Each has an @handle that
 * prompts mention, a description written for prompts and reference images (takes of its owner); every edit makes a
 * new version and keeps the old ones. Other modules read elements through {@link app.kadr.element.ElementService}.
 */
@NullMarked
package app.kadr.element;

import org.jspecify.annotations.NullMarked;
