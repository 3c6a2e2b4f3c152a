/**
 * Script → shots: a pasted script (Fountain, plain text) or shot list (CSV) becomes a proposal of shots, made by the
 * smart-edit agent when one is configured, else by offline rules; its author edits and confirms it, and only then
 * are the shots created, in order, with the elements they mention. Also the shot list as CSV, which reads back.
 */
@NullMarked
package app.kadr.script;

import org.jspecify.annotations.NullMarked;
