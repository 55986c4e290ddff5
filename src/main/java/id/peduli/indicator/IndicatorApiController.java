package id.peduli.indicator;

import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators the modules offer, and their values per unit and month for the caller's units. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Figures per organisation unit and month offered by the modules")
class IndicatorApiController {

    private final Indicators indicators;

    IndicatorApiController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The indicators the caller may read")
    List<IndicatorDefinition> definitions() {
        return indicators.definitions();
    }

    @GetMapping("/{code}/values")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Values of an indicator per unit and month (from and to as yyyy-MM); units outside the"
                    + " caller's grants answer 404")
    List<IndicatorValue> values(
            @PathVariable String code,
            @RequestParam(value = "unit", required = false) List<Long> units,
            @RequestParam(value = "from", required = false) String from,
            @RequestParam(value = "to", required = false) String to) {
        return indicators.values(code, new LinkedHashSet<>(units == null ? List.of() : units), month(from), month(to));
    }

    private static YearMonth month(String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("from", "indicator.periodInvalid", Indicators.MAX_MONTHS);
        }
    }
}
