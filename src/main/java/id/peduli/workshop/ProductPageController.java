package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Products of the centres whose sites the caller sees; program managers add and change them for their centre, with an
 * optional picture that the easy-read payout statement prints next to the product.
 */
@Controller
class ProductPageController {

    private final Products products;
    private final Sites sites;
    private final Organizations organizations;
    private final ProductPictures pictures;
    private final Access access;
    private final Validator validator;

    ProductPageController(
            Products products,
            ProductPictures pictures,
            Sites sites,
            Organizations organizations,
            Access access,
            Validator validator) {
        this.products = products;
        this.pictures = pictures;
        this.sites = sites;
        this.organizations = organizations;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/workshop/products")
    @PreAuthorize(WorkshopRoles.READ_EXPRESSION)
    String list(Model model) {
        Map<Long, String> centres = new LinkedHashMap<>();
        sites.visible(WorkshopRoles.READ).forEach(s -> centres.put(s.centreId(), s.centreName()));
        List<OrgUnit> manageable = organizations.visibleTo(WorkshopRoles.MANAGE).stream()
                .filter(u -> u.type() == OrgUnitType.TECHNICAL_UNIT)
                .toList();
        manageable.forEach(u -> centres.putIfAbsent(u.id(), u.name()));
        model.addAttribute("centres", centres);
        List<ProductView> list = products.ofCentres(new ArrayList<>(centres.keySet()));
        model.addAttribute("products", list);
        model.addAttribute(
                "pictures",
                pictures.withPicture(list.stream().map(ProductView::id).toList()));
        model.addAttribute("manageable", manageable.stream().map(OrgUnit::id).toList());
        model.addAttribute(
                "pictureCentres",
                centres.keySet().stream()
                        .filter(c -> access.covers(c, WorkshopRoles.READ))
                        .toList());
        model.addAttribute("errors", FormErrors.none());
        return "workshop/products";
    }

    @PostMapping("/workshop/products")
    @PreAuthorize(WorkshopRoles.MANAGE_EXPRESSION
            + " and (#centreId == null or @workshopScope.unit(#centreId, 'PROGRAM_MANAGER'))")
    String create(
            @RequestParam(value = "centreId", required = false) Long centreId,
            @ModelAttribute ProductCommand form,
            Ui ui,
            RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (centreId == null || errors.any()) {
            Flash.error(redirect, ui.t("workshop.product.invalid"));
            return "redirect:/workshop/products";
        }
        try {
            ProductView product = products.create(centreId, form);
            Flash.success(redirect, ui.t("workshop.product.saved", product.name()));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/products";
    }

    @PostMapping("/workshop/products/{id}")
    @PreAuthorize(WorkshopRoles.PRODUCT_MANAGE_EXPRESSION)
    String update(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @ModelAttribute ProductCommand form,
            Ui ui,
            RedirectAttributes redirect) {
        products.get(id);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            Flash.error(redirect, ui.t("workshop.product.invalid"));
            return "redirect:/workshop/products";
        }
        try {
            ProductView product = products.update(id, version == null ? -1 : version, form);
            Flash.success(redirect, ui.t("workshop.product.saved", product.name()));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, ui.t("error.staleVersion"));
        }
        return "redirect:/workshop/products";
    }

    @PostMapping("/workshop/products/{id}/picture")
    @PreAuthorize(WorkshopRoles.PRODUCT_MANAGE_EXPRESSION)
    String uploadPicture(
            @PathVariable long id,
            @RequestParam(value = "picture", required = false) MultipartFile file,
            Ui ui,
            RedirectAttributes redirect)
            throws IOException {
        ProductView product = products.get(id);
        try {
            pictures.store(product, file == null || file.isEmpty() ? null : file.getInputStream());
            Flash.success(redirect, ui.t("workshop.picture.saved", product.name()));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/products";
    }

    /**
     * The picture of a product, for readers of the product's centre (a product of another centre answers as a missing
     * one, before anything is loaded); 204 when the product has none.
     */
    @GetMapping("/workshop/products/{id}/picture")
    @PreAuthorize("@workshopScope.product(#id, 'SITE_MENTOR', 'SOCIAL_WORKER', 'PROGRAM_MANAGER', 'UNIT_HEAD',"
            + " 'LOGISTICS_OFFICER')")
    ResponseEntity<byte[]> picture(@PathVariable long id) {
        return pictures.load(id)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(p.contentType()))
                        .cacheControl(CacheControl.noCache())
                        .body(p.data()))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    boolean covers(long unitId) {
        return access.covers(unitId, WorkshopRoles.MANAGE);
    }
}
