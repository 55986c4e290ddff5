package id.peduli.region;

import id.peduli.platform.ApiErrors;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Regions",
        description = "Indonesian administrative regions with Kemendagri codes (province 33, regency 33.23, "
                + "district 33.23.01, village 33.23.01.2001). Contains data from idn-area-data (ODbL).")
class RegionApiController {

    static final int DEFAULT_LIMIT = 20;

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping
    @ApiErrors(404)
    @Operation(
            summary = "List the regions directly below a region",
            description = "Without parent: the 38 provinces. Ordered by code.")
    List<Region> children(
            @Parameter(description = "Code of the parent region, e.g. 33") @RequestParam(required = false)
                    String parent) {
        if (parent != null && !parent.isBlank() && !regions.exists(parent.strip())) {
            throw BusinessException.notFound("region.notFound", parent.strip());
        }
        return regions.children(parent == null ? null : parent.strip());
    }

    @GetMapping("/search")
    @Operation(
            summary = "Search regions by name",
            description = "Case and punctuation do not matter and small typos are tolerated. Exact names come "
                    + "first, then names starting with the query, then names with a word starting with it.")
    List<Region> search(
            @Parameter(description = "Part of the name, e.g. temang") @RequestParam(required = false) String q,
            @Parameter(description = "Only this level: 1 province, 2 regency or city, 3 district, 4 village")
                    @RequestParam(required = false)
                    Integer level,
            @Parameter(description = "Most results, 1 to 100") @RequestParam(defaultValue = "20") int limit) {
        if (RegionNames.normalise(q).isEmpty()) {
            throw BusinessException.invalid("q", "region.search.queryRequired");
        }
        if (level != null && (level < RegionCodes.PROVINCE || level > RegionCodes.VILLAGE)) {
            throw BusinessException.invalid("level", "region.search.levelInvalid", level);
        }
        if (limit < 1 || limit > Regions.MAX_SEARCH_RESULTS) {
            throw BusinessException.invalid("limit", "region.search.limitInvalid", Regions.MAX_SEARCH_RESULTS);
        }
        return regions.search(q, level, limit);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get one region by its dotted code")
    Region find(@Parameter(description = "Dotted code, e.g. 33.23") @PathVariable String code) {
        return regions.find(code).orElseThrow(() -> BusinessException.notFound("region.notFound", code));
    }
}
