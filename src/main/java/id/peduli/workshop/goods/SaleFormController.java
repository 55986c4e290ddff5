package id.peduli.workshop.goods;

import static id.peduli.workshop.goods.GoodsFormController.date;
import static id.peduli.workshop.goods.GoodsFormController.integer;
import static id.peduli.workshop.goods.GoodsFormController.lines;
import static id.peduli.workshop.goods.GoodsFormController.number;
import static id.peduli.workshop.goods.GoodsFormController.parseEnum;

import id.peduli.platform.Ui;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sale forms: a new sale from a site or a gallery shop, correcting the buyer or note, cancelling the sale, and
 * returning some units. Refused, the page shows again with status 422 and the form as typed
 * ({@link GoodsPages#answer}); nothing is written.
 */
@Controller
class SaleFormController {

    private final Sales sales;
    private final SaleCorrections corrections;
    private final GoodsPages pages;

    SaleFormController(Sales sales, SaleCorrections corrections, GoodsPages pages) {
        this.sales = sales;
        this.corrections = corrections;
        this.pages = pages;
    }

    @PostMapping("/workshop/goods/sites/{id}/sales")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    String sellFromSite(
            @PathVariable long id,
            @RequestParam(value = "soldOn", required = false) String soldOn,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "channel", required = false) String channel,
            @RequestParam(value = "workOrderId", required = false) String workOrderId,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            @RequestParam(value = "unitPrice", required = false) List<String> prices,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("saleForm", ui, model, request, response, redirect);
        return sell(
                post,
                id,
                false,
                soldOn,
                buyer,
                channel,
                workOrderId,
                note,
                productIds,
                quantities,
                prices,
                () -> pages.site(id, model));
    }

    @PostMapping("/workshop/goods/galleries/{id}/sales")
    @PreAuthorize(GoodsRoles.GALLERY_RECORD)
    String sellFromGallery(
            @PathVariable long id,
            @RequestParam(value = "soldOn", required = false) String soldOn,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "channel", required = false) String channel,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            @RequestParam(value = "unitPrice", required = false) List<String> prices,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("saleForm", ui, model, request, response, redirect);
        return sell(
                post,
                id,
                true,
                soldOn,
                buyer,
                channel,
                null,
                note,
                productIds,
                quantities,
                prices,
                () -> pages.gallery(id, model));
    }

    @PostMapping("/workshop/goods/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    String amendSale(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "note", required = false) String note,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("saleAmendForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sales/" + id,
                () -> {
                    SaleView sale = sales.amend(id, version == null ? -1 : version, buyer, note);
                    return ui.t("goods.sale.amended", sale.invoiceNumber());
                },
                () -> pages.sale(id, model));
    }

    @PostMapping("/workshop/goods/sales/{id}/cancel")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    String cancelSale(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("saleCancelForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sales/" + id,
                () -> {
                    SaleView sale = corrections.cancel(id, version == null ? -1 : version, reason);
                    return ui.t("goods.sale.cancelled", sale.invoiceNumber());
                },
                () -> pages.sale(id, model));
    }

    @PostMapping("/workshop/goods/sales/{id}/returns")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    String returnUnits(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "returnedOn", required = false) String returnedOn,
            @RequestParam(value = "reason", required = false) String reason,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("saleReturnForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sales/" + id,
                () -> {
                    List<SaleReturnCommand.Line> lines = new ArrayList<>();
                    if (productIds != null) {
                        for (int i = 0; i < productIds.size(); i++) {
                            lines.add(new SaleReturnCommand.Line(
                                    number(productIds.get(i), "lines"),
                                    integer(
                                            quantities == null || i >= quantities.size() ? null : quantities.get(i),
                                            "lines")));
                        }
                    }
                    SaleView sale = corrections.returnUnits(
                            id,
                            version == null ? -1 : version,
                            new SaleReturnCommand(date(returnedOn, "returnedOn"), reason, lines));
                    return ui.t(
                            "goods.return.saved",
                            sale.invoiceNumber(),
                            sale.netTotal().format());
                },
                () -> pages.sale(id, model));
    }

    private String sell(
            GoodsPages.Post post,
            long id,
            boolean gallery,
            String soldOn,
            String buyer,
            String channel,
            String workOrderId,
            String note,
            List<String> productIds,
            List<String> quantities,
            List<String> prices,
            java.util.function.Supplier<String> page) {
        long[] saleId = {0};
        String result = GoodsPages.answer(
                post,
                "",
                () -> {
                    SaleView sale = sales.sell(
                            id,
                            gallery,
                            new SaleCommand(
                                    date(soldOn, "soldOn"),
                                    buyer,
                                    parseEnum(SaleChannel.class, channel, "channel"),
                                    number(workOrderId, "workOrderId"),
                                    note,
                                    lines(productIds, quantities, prices)));
                    saleId[0] = sale.id();
                    return post.ui()
                            .t(
                                    "goods.sale.saved",
                                    sale.invoiceNumber(),
                                    sale.total().format());
                },
                page);
        return saleId[0] == 0 ? result : "redirect:/workshop/goods/sales/" + saleId[0];
    }
}
