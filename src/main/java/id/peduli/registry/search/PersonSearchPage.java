package id.peduli.registry.search;

import id.peduli.platform.FormErrors;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.Nik;
import id.peduli.shared.PageResult;
import java.util.List;

/**
 * What the people search page shows: the search as typed, its problems, one page of results, and what the user may
 * do next (register a person, export the results, with the full NIK or not).
 */
public record PersonSearchPage(
        PersonSearchForm form,
        FormErrors errors,
        PageResult<PersonSummary> result,
        boolean canRegister,
        boolean canExport,
        boolean fullNikAllowed,
        long exportMaxRows,
        ExportForm export,
        FormErrors exportErrors) {

    /** The export form as last submitted. */
    public record ExportForm(String reason, String format, boolean includeFullNik) {

        public static ExportForm empty() {
            return new ExportForm("", "CSV", false);
        }
    }

    public List<Sex> sexes() {
        return List.of(Sex.values());
    }

    public List<DisabilityType> disabilityTypes() {
        return List.of(DisabilityType.values());
    }

    /** True when the search box held a NIK or KK number. */
    public boolean identifierSearch() {
        String digits = Nik.normalise(form.q());
        return digits.length() == 16 && digits.chars().allMatch(Character::isDigit);
    }

    /** True when there are results the user may export within the row limit. */
    public boolean exportable() {
        return canExport && result.total() > 0 && result.total() <= exportMaxRows;
    }

    /** True when the export form should be open: the last export attempt was refused. */
    public boolean exportOpen() {
        return exportErrors.any();
    }
}
