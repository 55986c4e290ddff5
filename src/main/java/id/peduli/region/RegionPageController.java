package id.peduli.region;

import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The region browser: provinces, drilling down to villages, and search by name. Open to every signed-in user. */
@Controller
class RegionPageController {

    static final int SEARCH_LIMIT = 50;

    private final Regions regions;

    RegionPageController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    String browse(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String level,
            Ui ui,
            Model model) {
        Integer onlyLevel = level(level);
        String query = q == null ? "" : q.strip();
        ui.crumbText(ui.t("nav.regions"), query.isEmpty() ? null : "/regions");
        if (query.isEmpty()) {
            model.addAttribute(
                    "page",
                    new RegionBrowserPage(null, List.of(), regions.childrenWithCounts(null), "", onlyLevel, null));
        } else {
            ui.crumb("region.browser.results", null);
            model.addAttribute(
                    "page",
                    new RegionBrowserPage(null, List.of(), List.of(), query, onlyLevel, hits(query, onlyLevel)));
        }
        return "region/browse";
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Ui ui, Model model) {
        List<Region> path = regions.path(code);
        if (path.isEmpty()) {
            throw BusinessException.notFound("region.notFound", code);
        }
        Region current = path.get(path.size() - 1);
        ui.crumb("nav.regions", "/regions");
        for (Region region : path) {
            ui.crumbText(region.name(), region.equals(current) ? null : "/regions/" + region.code());
        }
        model.addAttribute(
                "page",
                new RegionBrowserPage(current, path, regions.childrenWithCounts(current.code()), "", null, null));
        return "region/browse";
    }

    /** Where the region picker of the browser leads: the chosen region, or the list of provinces. */
    @GetMapping("/regions/open")
    String open(@RequestParam(required = false) String code) {
        return regions.exists(code) ? "redirect:/regions/" + code : "redirect:/regions";
    }

    private List<RegionBrowserPage.Hit> hits(String query, Integer level) {
        List<Region> found = regions.search(query, level, SEARCH_LIMIT);
        Set<String> ancestors = new LinkedHashSet<>();
        for (Region region : found) {
            List<String> lineage = RegionCodes.lineage(region.code());
            ancestors.addAll(lineage.subList(0, lineage.size() - 1));
        }
        Map<String, String> names = regions.names(ancestors);
        return found.stream()
                .map(region -> new RegionBrowserPage.Hit(region, within(region, names)))
                .toList();
    }

    private static String within(Region region, Map<String, String> names) {
        List<String> lineage = RegionCodes.lineage(region.code());
        return lineage.subList(0, lineage.size() - 1).stream()
                .map(code -> names.getOrDefault(code, code))
                .collect(Collectors.joining(Regions.PATH_SEPARATOR));
    }

    private static Integer level(String level) {
        if (level == null) {
            return null;
        }
        return switch (level.strip()) {
            case "1" -> RegionCodes.PROVINCE;
            case "2" -> RegionCodes.REGENCY;
            case "3" -> RegionCodes.DISTRICT;
            case "4" -> RegionCodes.VILLAGE;
            default -> null;
        };
    }
}
