/**
 * Generation: takes of a shot made by AI providers (and the offline engine), as durable jobs with provenance.
 * Provider adapters live in {@code provider/<kind>/}, each speaking its provider's real protocol.
 */
@NullMarked
package app.kadr.generation;

import org.jspecify.annotations.NullMarked;
