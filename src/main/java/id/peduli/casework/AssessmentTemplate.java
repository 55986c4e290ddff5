package id.peduli.casework;

import io.swagger.v3.oas.annotations.media.Schema;
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

    @Schema(name = "CaseworkAssessmentDomain")
    public record Domain(long id, String code, String name, String nameEn, List<Item> items) {
        public String label(boolean english) {
            return english ? nameEn : name;
        }
    }

    @Schema(name = "CaseworkAssessmentItem")
    public record Item(long id, String text, String textEn) {
        public String label(boolean english) {
            return english ? textEn : text;
        }
    }

    public String label(boolean english) {
        return english ? nameEn : name;
    }

    /** What a module sends to publish a new version: the same code gets the next version number. */
    @Schema(name = "CaseworkTemplateCommand")
    public record Command(
            String code, String name, String nameEn, int scaleMin, int scaleMax, List<DomainCommand> domains) {}

    @Schema(name = "CaseworkTemplateDomainCommand")
    public record DomainCommand(String code, String name, String nameEn, List<ItemCommand> items) {}

    @Schema(name = "CaseworkTemplateItemCommand")
    public record ItemCommand(String text, String textEn) {}
}
