package id.peduli.region;

import id.peduli.shared.BusinessException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the {@code <option>}s of one level of the region picker ({@code region/picker.jte}): the provinces for level
 * 1, otherwise the children of {@code parent}, ordered by name, with {@code selected} chosen.
 */
@Controller
class RegionPickerController {

    private final Regions regions;

    RegionPickerController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions/picker/options")
    String options(
            @RequestParam(required = false) String parent,
            @RequestParam int level,
            @RequestParam(required = false) String selected,
            Model model) {
        String parentCode = parent == null || parent.isBlank() ? null : parent.strip();
        boolean consistent = level == RegionCodes.PROVINCE
                ? parentCode == null
                : level <= RegionCodes.VILLAGE && RegionCodes.levelOf(parentCode) == level - 1;
        if (!consistent) {
            throw BusinessException.invalid("level", "region.picker.invalidRequest");
        }
        List<Region> options = regions.children(parentCode).stream()
                .sorted(Comparator.comparing(Region::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Region::code))
                .toList();
        model.addAttribute("level", level);
        model.addAttribute("regions", options);
        model.addAttribute("selected", selected == null ? "" : selected.strip());
        return "region/options";
    }
}
