/**
 * The model catalog: AI providers with their encrypted keys, the models each offers with a parameter schema, and
 * the Russian validation of a generation's parameters against that schema. The generation module reads it through
 * {@link app.kadr.catalog.Catalog} and {@link app.kadr.catalog.ParamValidation}.
 */
@NullMarked
package app.kadr.catalog;

import org.jspecify.annotations.NullMarked;
