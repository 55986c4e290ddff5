package id.peduli.shared;

import java.util.List;

/**
 * Several refusals at once, each tied to a field (for a form or an import row). With {@code warningsOnly}, every
 * problem is a warning the user may accept by submitting again with the warnings acknowledged.
 */
public class InvalidInput extends BusinessException {

    private final List<FieldProblem> problems;
    private final boolean warningsOnly;

    public InvalidInput(List<FieldProblem> problems, boolean warningsOnly) {
        super(
                422,
                problems.isEmpty() ? null : problems.get(0).field(),
                warningsOnly ? "validation.confirmWarnings" : "error.validation");
        this.problems = List.copyOf(problems);
        this.warningsOnly = warningsOnly;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean warningsOnly() {
        return warningsOnly;
    }

    /** One problem: the field, a message key and its arguments. */
    public record FieldProblem(String field, String key, Object... args) {}
}
