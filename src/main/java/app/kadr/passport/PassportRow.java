package app.kadr.passport;

import app.kadr.asset.ProvenanceRow;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A passport row: the asset's provenance plus what the export adds to it, the absolute address of its file,
 * its share of the generation's cost, and the Russian labels a spreadsheet shows.
 */
record PassportRow(
        ProvenanceRow source,
        String fileUrl,
        @Nullable BigDecimal cost,
        String kindLabel,
        String originLabel,
        String headlinerLabel,
        String paramsText) {}
