package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A material of a site: code (unique per site), name, unit of measure and the cost of one unit in whole rupiah. */
@Schema(name = "WorkshopMaterialCommand")
public record MaterialCommand(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,30}$", message = "{workshop.codeFormat}")
        String code,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String name,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.maxLength}")
        String unit,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{goods.costRange}")
        @Max(value = 1_000_000_000L, message = "{goods.costRange}")
        Long unitCost,

        Boolean active) {

    boolean isActive() {
        return active == null || active;
    }
}
