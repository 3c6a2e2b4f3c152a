package app.kadr.generation;

import java.math.BigDecimal;

/**
 * What a generation request would start, before anything is written.
 *
 * @param generations the generation rows (jobs) it would make
 * @param takes the takes they would bring
 * @param estimatedCost their estimated price, in US dollars
 * @param textOnly the prompt's @mentions bring reference images and the model takes none: only the text would go
 */
public record GenerationPreview(int generations, int takes, BigDecimal estimatedCost, boolean textOnly) {}
