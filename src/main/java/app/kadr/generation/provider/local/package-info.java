/** The offline engine «без ИИ» behind the same adapter interface as the real providers. */
@NullMarked
package app.kadr.generation.provider.local;

import org.jspecify.annotations.NullMarked;
