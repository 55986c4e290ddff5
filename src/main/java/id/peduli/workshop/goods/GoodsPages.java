package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The models of the goods pages that carry forms (a site, a gallery shop, a material, a sale), for showing them and
 * for showing them again after a refused form: then with status 422, what was typed ({@link GoodsTyped}) and what to
 * fix ({@link FormErrors}), which the templates list above the refused form with a link to each field. Callers check
 * the scope.
 */
@Component
class GoodsPages {

    static final int SALES_SHOWN = 50;

    private final Locations locations;
    private final Materials materials;
    private final WorkOrders workOrders;
    private final FinishedGoods goods;
    private final Transfers transfers;
    private final Sales sales;
    private final GoodsProducts products;
    private final Access access;

    GoodsPages(
            Locations locations,
            Materials materials,
            WorkOrders workOrders,
            FinishedGoods goods,
            Transfers transfers,
            Sales sales,
            GoodsProducts products,
            Access access) {
        this.locations = locations;
        this.materials = materials;
        this.workOrders = workOrders;
        this.goods = goods;
        this.transfers = transfers;
        this.sales = sales;
        this.products = products;
        this.access = access;
    }

    String site(long id, Model model) {
        Location site = locations.site(id);
        model.addAttribute("site", site);
        model.addAttribute("stock", goods.atSite(id, site.centreId()));
        model.addAttribute("workOrders", workOrders.ofSite(id));
        model.addAttribute("materials", materials.ofSite(id));
        model.addAttribute("sales", sales.ofLocation(id, false, SALES_SHOWN));
        model.addAttribute("transfers", transfers.ofSite(id));
        model.addAttribute("products", products.activeOfCentre(site.centreId()));
        model.addAttribute("record", access.covers(id, GoodsRoles.RECORD));
        model.addAttribute("manage", access.covers(id, GoodsRoles.MANAGE));
        model.addAttribute("channels", SaleChannel.values());
        return "workshop/goods/site";
    }

    String gallery(long id, Model model) {
        Location gallery = locations.gallery(id);
        model.addAttribute("gallery", gallery);
        model.addAttribute("stock", goods.atGallery(id));
        model.addAttribute("sales", sales.ofLocation(id, true, SALES_SHOWN));
        model.addAttribute("transfers", transfers.toGallery(id));
        model.addAttribute("products", products.activeOfCentre(id));
        model.addAttribute("record", access.covers(id, GoodsRoles.RECORD));
        model.addAttribute("channels", SaleChannel.values());
        return "workshop/goods/gallery";
    }

    String material(long id, Model model) {
        MaterialView material = materials.get(id);
        model.addAttribute("material", material);
        model.addAttribute("site", locations.site(material.siteId()));
        model.addAttribute("movements", materials.movements(id));
        model.addAttribute(
                "workOrders",
                workOrders.ofSite(material.siteId()).stream()
                        .filter(w -> w.status().pending())
                        .toList());
        model.addAttribute("record", access.covers(material.siteId(), GoodsRoles.RECORD));
        model.addAttribute("manage", access.covers(material.siteId(), GoodsRoles.MANAGE));
        return "workshop/goods/material";
    }

    String sale(long id, Model model) {
        SaleView sale = sales.get(id);
        model.addAttribute("sale", sale);
        model.addAttribute("location", locations.of(sale.locationId(), sale.gallery()));
        model.addAttribute("record", access.covers(sale.locationId(), GoodsRoles.RECORD));
        return "workshop/goods/sale";
    }

    /** Marks the page as the answer to a refused form: 422, what was typed and what to fix. */
    static void refused(GoodsTyped typed, FormErrors errors, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
    }

    /** One posted goods form: its name (the id of the form on the page) and what the controller was given. */
    record Post(
            String form,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {}

    /**
     * Runs the form's action in its own transaction: done, back to {@code back} with the message the action answers;
     * refused (a rule, a field, a stale version), the page {@code page} shows again with status 422, what was typed
     * and what to fix, nothing written.
     */
    static String answer(Post post, String back, Supplier<String> action, Supplier<String> page) {
        try {
            Flash.success(post.redirect(), action.get());
            return back;
        } catch (BusinessException e) {
            refused(GoodsTyped.of(post.form(), post.request()), post.ui().errors(e), post.model(), post.response());
        } catch (OptimisticLockingFailureException e) {
            BusinessException stale = BusinessException.conflict(null, "error.staleVersion");
            refused(GoodsTyped.of(post.form(), post.request()), post.ui().errors(stale), post.model(), post.response());
        }
        return page.get();
    }

    /** Bean Validation's refusals of a command as field problems, each naming its field in the reader's words. */
    static <T> T valid(Validator validator, T command) {
        List<InvalidInput.FieldProblem> problems = validator.validate(command).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new InvalidInput.FieldProblem(
                        v.getPropertyPath().toString(),
                        "goods.form.fieldProblem",
                        new DefaultMessageSourceResolvable(
                                new String[] {"goods.field." + v.getPropertyPath()},
                                v.getPropertyPath().toString()),
                        v.getMessage()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        return command;
    }
}
