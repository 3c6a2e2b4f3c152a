package app.kadr.passport;

/**
 * Keeps user text from running as a spreadsheet formula (CSV injection): a cell that starts with a formula
 * character is prefixed with an apostrophe, which Excel and LibreOffice show as plain text.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    static String guarded(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
