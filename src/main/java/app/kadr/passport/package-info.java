/**
 * The technical passport of a project: one row per take with where it came from (model, prompt, seed,
 * parameters, sources, cost), downloadable as CSV for Excel, XLSX and JSON.
 */
@NullMarked
package app.kadr.passport;

import org.jspecify.annotations.NullMarked;
