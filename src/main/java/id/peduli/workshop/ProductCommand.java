package id.peduli.workshop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product of a centre. The sale price is whole rupiah. */
public record ProductCommand(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,30}$", message = "{workshop.codeFormat}")
        String code,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String name,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.maxLength}")
        String unit,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{workshop.priceRange}")
        @Max(value = 1_000_000_000L, message = "{workshop.priceRange}")
        Long salePrice,

        Boolean active) {

    public ProductCommand {
        active = active == null || active;
    }
}
