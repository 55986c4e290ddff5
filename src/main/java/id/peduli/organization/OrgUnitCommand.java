package id.peduli.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user may set on an organisation unit when creating or editing it. */
public record OrgUnitCommand(
        Long parentId,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String name,

        @Size(max = 60, message = "{validation.maxLength}") String shortName,
        @NotNull(message = "{validation.required}") OrgUnitType type,

        @Pattern(regexp = "^$|^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$", message = "{region.invalidFormat}")
        String regionCode,

        @Size(max = 500, message = "{validation.maxLength}") String address,
        Boolean active,
        Boolean threeT) {

    /** Omitted flags mean an active unit outside the 3T regions. */
    public OrgUnitCommand {
        active = active == null || active;
        threeT = threeT != null && threeT;
    }
}
