package id.peduli.registry.imports;

/** How a commit treats rows with errors: refuse the whole file, or write the rows without errors. */
enum ImportMode {
    ALL_OR_NOTHING,
    VALID_ONLY
}
