package id.peduli.registry.imports;

/**
 * One problem of an import row, translated for the reader: row as the spreadsheet numbers it, the name on that row
 * (until the file is deleted), column, message.
 */
public record ImportIssueView(long row, String column, String header, boolean error, String message, String name) {}
