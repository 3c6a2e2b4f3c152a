package app.kadr.passport;

import app.kadr.shared.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The passport as CSV that Excel opens right with Russian text: UTF-8 with a byte order mark (without it Excel
 * guesses a Windows code page), semicolons (the list separator of Russian Excel), CRLF line ends. Text that a
 * spreadsheet would run as a formula gets a leading apostrophe.
 */
@Component
class PassportCsv {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Messages messages;

    PassportCsv(Messages messages) {
        this.messages = messages;
    }

    void write(PassportDocument document, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        List<String> headings = new ArrayList<>();
        for (PassportColumn column : PassportColumn.values()) {
            headings.add(messages.get(column.headingKey()));
        }
        csv.printRecord(headings);
        List<String> cells = new ArrayList<>(PassportColumn.values().length);
        for (PassportRow row : document.rows()) {
            cells.clear();
            for (PassportColumn column : PassportColumn.values()) {
                cells.add(cell(column.valueOf(row)));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }

    private static String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case String text -> FormulaGuard.guarded(text);
            case PassportColumn.Link link -> FormulaGuard.guarded(link.text());
            case Instant instant -> DATE.format(instant);
            // A decimal comma: Russian Excel reads "0,04" as a number and "0.04" as a date or text.
            case BigDecimal money -> money.stripTrailingZeros().toPlainString().replace('.', ',');
            default -> value.toString();
        };
    }
}
