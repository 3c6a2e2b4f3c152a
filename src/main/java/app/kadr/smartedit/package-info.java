/**
 * Smart edit: a plain-language request («сделай камеру 35мм») becomes a rewritten prompt, by an AI agent over the
 * OpenAI-compatible chat protocol or, without one, by offline rules; the result is a new generation in the same box,
 * linked to its parent, so every take's lineage can be shown, repeated and remixed. Also the prompt enhancement of
 * the generation form.
 */
@NullMarked
package app.kadr.smartedit;

import org.jspecify.annotations.NullMarked;
