package app.kadr.script;

import app.kadr.shared.KadrException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A shot list as CSV: columns title;description;duration;elements (and optionally camera), with or without that header
 * (Russian names too), separated by «;» as Excel in Russian writes it or by «,». What {@link #write} makes reads back
 * through {@link #read} into the same shots.
 */
final class ShotListCsv {

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String DURATION = "duration";
    static final String ELEMENTS = "elements";
    static final String CAMERA = "camera";

    /** The header a written list has; the order a list without a header is read in. */
    static final List<String> COLUMNS = List.of(TITLE, DESCRIPTION, DURATION, ELEMENTS, CAMERA);

    private static final Map<String, String> HEADER_NAMES = Map.ofEntries(
            Map.entry("title", TITLE),
            Map.entry("название", TITLE),
            Map.entry("заголовок", TITLE),
            Map.entry("шот", TITLE),
            Map.entry("description", DESCRIPTION),
            Map.entry("описание", DESCRIPTION),
            Map.entry("prompt", DESCRIPTION),
            Map.entry("промпт", DESCRIPTION),
            Map.entry("duration", DURATION),
            Map.entry("длительность", DURATION),
            Map.entry("elements", ELEMENTS),
            Map.entry("элементы", ELEMENTS),
            Map.entry("camera", CAMERA),
            Map.entry("камера", CAMERA));

    private static final Pattern ELEMENT_SEPARATOR = Pattern.compile("[\\s,;]+");

    /** A row of a shot list: the cells by column. */
    record Row(String title, String description, @Nullable Long durationMs, String camera, List<String> elements) {}

    private ShotListCsv() {}

    /**
     * The shots of a list, in order; a row with a cell in quotes that never closes, or a duration that is not one, is
     * refused with its line number.
     */
    static List<Draft> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records = records(body, delimiter(body));
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns = header(records.getFirst());
        boolean hasHeader = columns != null;
        Map<String, Integer> at = hasHeader ? columns : positional();
        List<Draft> drafts = new ArrayList<>();
        for (CSVRecord record : hasHeader ? records.subList(1, records.size()) : records) {
            if (blank(record)) {
                continue;
            }
            String duration = cell(record, at, DURATION);
            Long durationMs = Durations.parse(duration);
            if (durationMs != null && (durationMs < 0 || !Durations.valid(durationMs))) {
                throw KadrException.invalid("text", "script.csv.duration", record.getRecordNumber(), duration);
            }
            String camera = cell(record, at, CAMERA);
            String description = cell(record, at, DESCRIPTION);
            String title = cell(record, at, TITLE);
            drafts.add(new Draft(
                    title.isEmpty() ? PlainTextReader.firstSentence(description) : title,
                    description,
                    durationMs,
                    camera,
                    elements(cell(record, at, ELEMENTS))));
        }
        return drafts;
    }

    /** Excel-ready: a UTF-8 byte order mark, «;» between cells, CRLF between rows, quotes where a cell needs them. */
    static String write(List<Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer =
                new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            printer.printRecord(COLUMNS);
            for (Row row : rows) {
                printer.printRecord(
                        row.title(),
                        row.description(),
                        row.durationMs() == null ? "" : Durations.format(row.durationMs()),
                        String.join(
                                " ", row.elements().stream().map(h -> "@" + h).toList()),
                        row.camera());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** «;» when the first line has one outside quotes, else «,». */
    private static char delimiter(String body) {
        boolean quoted = false;
        for (char c : body.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                return ';';
            }
        }
        return ',';
    }

    private static List<CSVRecord> records(String body, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
            throw KadrException.invalid("text", "script.csv.broken", lineOf(broken));
        }
    }

    /** The line Commons CSV names in its message, for the person to find the open quote. */
    private static String lineOf(Exception broken) {
        String message = String.valueOf(broken.getMessage());
        java.util.regex.Matcher line = Pattern.compile("line (\\d+)").matcher(message);
        return line.find() ? line.group(1) : "?";
    }

    /** The columns by name when the first row is a header (every cell a known column name), else null. */
    private static @Nullable Map<String, Integer> header(CSVRecord first) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            String cell = first.get(i).strip().toLowerCase(Locale.ROOT);
            if (cell.isEmpty()) {
                continue;
            }
            String name = HEADER_NAMES.get(cell);
            if (name == null) {
                return null;
            }
            columns.putIfAbsent(name, i);
        }
        return columns.isEmpty() ? null : columns;
    }

    private static Map<String, Integer> positional() {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            at.put(COLUMNS.get(i), i);
        }
        return at;
    }

    private static String cell(CSVRecord record, Map<String, Integer> at, String column) {
        Integer index = at.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** «@Аня @Маяк», «Аня, Маяк» or «Аня; Маяк»: the names, without «@». */
    private static List<String> elements(String cell) {
        return Arrays.stream(ELEMENT_SEPARATOR.split(cell))
                .map(name -> name.startsWith("@") ? name.substring(1) : name)
                .filter(name -> !name.isBlank())
                .distinct()
                .toList();
    }
}
