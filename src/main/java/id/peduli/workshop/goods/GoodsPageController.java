package id.peduli.workshop.goods;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.Ui;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The goods pages: the overview of the sites and galleries the caller sees, a site's goods (finished goods, work
 * orders, materials, sales, transfers), a gallery shop, a material with its movements, a sale and its invoice.
 */
@Controller
class GoodsPageController {

    private final Locations locations;
    private final WorkOrders workOrders;
    private final Sales sales;
    private final Invoices invoices;
    private final GoodsPages pages;
    private final AuditLog audit;

    GoodsPageController(
            Locations locations,
            WorkOrders workOrders,
            Sales sales,
            Invoices invoices,
            GoodsPages pages,
            AuditLog audit) {
        this.locations = locations;
        this.workOrders = workOrders;
        this.sales = sales;
        this.invoices = invoices;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/workshop/goods")
    @PreAuthorize(GoodsRoles.READ_EXPRESSION)
    String overview(Model model) {
        List<Location> sites = locations.visibleSites(GoodsRoles.READ);
        Map<Long, long[]> orders = new HashMap<>();
        for (Location site : sites) {
            List<WorkOrderView> list = workOrders.ofSite(site.id());
            orders.put(site.id(), new long[] {
                list.stream().filter(w -> w.status().pending()).count(),
                list.stream().filter(WorkOrderView::overdue).count()
            });
        }
        model.addAttribute("sites", sites);
        model.addAttribute("orders", orders);
        model.addAttribute("galleries", locations.visibleGalleries(GoodsRoles.READ));
        return "workshop/goods/overview";
    }

    @GetMapping("/workshop/goods/sites/{id}")
    @PreAuthorize(GoodsRoles.SITE_READ)
    String site(@PathVariable long id, Model model) {
        return pages.site(id, model);
    }

    @GetMapping("/workshop/goods/galleries/{id}")
    @PreAuthorize(GoodsRoles.GALLERY_READ)
    String gallery(@PathVariable long id, Model model) {
        return pages.gallery(id, model);
    }

    @GetMapping("/workshop/goods/materials/{id}")
    @PreAuthorize(GoodsRoles.MATERIAL_READ)
    String material(@PathVariable long id, Model model) {
        return pages.material(id, model);
    }

    @GetMapping("/workshop/goods/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_READ)
    String sale(@PathVariable long id, Model model) {
        return pages.sale(id, model);
    }

    @GetMapping("/workshop/goods/sales/{id}/invoice.pdf")
    @PreAuthorize(GoodsRoles.SALE_READ)
    ResponseEntity<byte[]> invoice(
            @PathVariable long id, @RequestParam(value = "lang", required = false) String lang, Ui ui) {
        SaleView sale = sales.get(id);
        Locale locale =
                "en".equals(lang) ? Locale.ENGLISH : "id".equals(lang) ? Locale.forLanguageTag("id") : ui.locale();
        byte[] pdf = invoices.pdf(sale, locations.of(sale.locationId(), sale.gallery()), locale);
        audit.record(AuditRecord.of(AuditAction.EXPORT, "WorkshopSale", id).unit(sale.locationId()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(sale.invoiceNumber() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
