package app.kadr.passport;

import app.kadr.asset.ProvenanceRow;
import app.kadr.element.ElementUse;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A passport row: the asset's provenance plus what the export adds to it, the absolute address of its file,
 * its share of the generation's cost, the Russian labels a spreadsheet shows, and the element versions its generation
 * was made with and the LoRAs it went with.
 */
record PassportRow(
        ProvenanceRow source,
        String fileUrl,
        @Nullable BigDecimal cost,
        String kindLabel,
        String originLabel,
        String headlinerLabel,
        String paramsText,
        List<ElementUse> elements,
        List<Lora> loras,
        String lorasText) {

    /** A LoRA the take's generation went with (or, where its model takes none, was made without). */
    record Lora(String name, String externalId, BigDecimal weight, boolean sent) {}

    /** «@Аня v3, @Маяк v1»: the elements as a spreadsheet cell. */
    String elementsText() {
        return elements.stream()
                .map(use -> "@" + use.handle() + " v" + use.version())
                .collect(Collectors.joining(", "));
    }
}
