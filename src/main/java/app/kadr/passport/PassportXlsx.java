package app.kadr.passport;

import app.kadr.shared.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The passport as an Excel workbook, streamed (SXSSF keeps only a window of rows in memory): the heading row
 * frozen and filterable, file names linking to the files, dates as real date cells, numbers as numbers.
 */
@Component
class PassportXlsx {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_LITERAL = 255;
    /** Excel measures widths in 1/256 of a character, about 7 pixels in the default font. */
    private static final int PER_PIXEL = 256 / 7;

    private final Messages messages;

    PassportXlsx(Messages messages) {
        this.messages = messages;
    }

    void write(PassportDocument document, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(messages.get("passport.sheet"));
            PassportColumn[] columns = PassportColumn.values();
            Row heading = sheet.createRow(0);
            for (PassportColumn column : columns) {
                Cell cell = heading.createCell(column.ordinal());
                cell.setCellValue(messages.get(column.headingKey()));
                cell.setCellStyle(styles.heading);
                sheet.setColumnWidth(column.ordinal(), Math.min(255 * 256, column.widthInPixels() * PER_PIXEL));
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(document.rows().size(), 1), 0, columns.length - 1));
            int index = 1;
            for (PassportRow row : document.rows()) {
                Row line = sheet.createRow(index++);
                for (PassportColumn column : columns) {
                    write(line, column.ordinal(), column.valueOf(row), styles);
                }
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void write(Row line, int at, @Nullable Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = line.createCell(at);
        switch (value) {
            case PassportColumn.Link link -> link(cell, link, styles);
            case Instant instant -> {
                cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                cell.setCellStyle(styles.date);
            }
            case BigDecimal money -> {
                cell.setCellValue(money.doubleValue());
                cell.setCellStyle(styles.money);
            }
            case Number number -> cell.setCellValue(number.doubleValue());
            // A string cell is never evaluated, so user text needs no formula guard here.
            default -> cell.setCellValue(value.toString());
        }
    }

    /**
     * A file name that opens the file, as a HYPERLINK formula with the name as its stored result. POI's own
     * hyperlinks cost about a millisecond each (one XML object and one package relationship per link), which
     * alone took 1,500 rows past a second; the formula is a plain cell. Both parts are string literals with
     * their quotes doubled, so a file name cannot break out into a formula of its own. Excel refuses literals
     * over 255 characters: such a name stays plain text (the address column still has the link).
     */
    private static void link(Cell cell, PassportColumn.Link link, Styles styles) {
        if (link.url().length() > MAX_LITERAL || link.text().length() > MAX_LITERAL) {
            cell.setCellValue(link.text());
            return;
        }
        cell.setCellFormula("HYPERLINK(" + literal(link.url()) + "," + literal(link.text()) + ")");
        cell.setCellValue(link.text());
        cell.setCellStyle(styles.link);
    }

    private static String literal(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Cell styles are workbook-wide and limited in number: made once per workbook, shared by every row. */
    private static final class Styles {
        final CellStyle heading;
        final CellStyle link;
        final CellStyle date;
        final CellStyle money;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            Font underlined = workbook.createFont();
            underlined.setUnderline(Font.U_SINGLE);
            underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            link = workbook.createCellStyle();
            link.setFont(underlined);
            short dateFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00##"));
        }
    }
}
