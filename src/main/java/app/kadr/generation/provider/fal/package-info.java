/** The fal.ai queue API: submit, poll status and result, cancel; errors mapped to {@code ProviderException}. */
@NullMarked
package app.kadr.generation.provider.fal;

import org.jspecify.annotations.NullMarked;
