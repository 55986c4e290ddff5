package id.peduli.casework;

import java.util.List;

/**
 * One version of an assessment template: domains of items, each scored on the scale {@code scaleMin}..{@code
 * scaleMax}. Names are kept in Indonesian and English; {@link #label} picks the user's language.
 */
public record AssessmentTemplate(
        long id,
        String code,
        int version,
        String name,
        String nameEn,
        int scaleMin,
        int scaleMax,
        List<Domain> domains) {

    public record Domain(long id, String code, String name, String nameEn, List<Item> items) {
        public String label(boolean english) {
            return english ? nameEn : name;
        }
    }

    public record Item(long id, String text, String textEn) {
        public String label(boolean english) {
            return english ? textEn : text;
        }
    }

    public String label(boolean english) {
        return english ? nameEn : name;
    }

    /** What a module sends to publish a new version: the same code gets the next version number. */
    public record Command(
            String code, String name, String nameEn, int scaleMin, int scaleMax, List<DomainCommand> domains) {}

    public record DomainCommand(String code, String name, String nameEn, List<ItemCommand> items) {}

    public record ItemCommand(String text, String textEn) {}
}
