package id.peduli.workshop.goods;

import id.peduli.access.Access;
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

    static final int SALES_SHOWN = 50;

    private final Locations locations;
    private final Materials materials;
    private final WorkOrders workOrders;
    private final FinishedGoods goods;
    private final Transfers transfers;
    private final Sales sales;
    private final GoodsProducts products;
    private final Invoices invoices;
    private final Access access;
    private final AuditLog audit;

    GoodsPageController(
            Locations locations,
            Materials materials,
            WorkOrders workOrders,
            FinishedGoods goods,
            Transfers transfers,
            Sales sales,
            GoodsProducts products,
            Invoices invoices,
            Access access,
            AuditLog audit) {
        this.locations = locations;
        this.materials = materials;
        this.workOrders = workOrders;
        this.goods = goods;
        this.transfers = transfers;
        this.sales = sales;
        this.products = products;
        this.invoices = invoices;
        this.access = access;
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

    @GetMapping("/workshop/goods/galleries/{id}")
    @PreAuthorize(GoodsRoles.GALLERY_READ)
    String gallery(@PathVariable long id, Model model) {
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

    @GetMapping("/workshop/goods/materials/{id}")
    @PreAuthorize(GoodsRoles.MATERIAL_READ)
    String material(@PathVariable long id, Model model) {
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

    @GetMapping("/workshop/goods/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_READ)
    String sale(@PathVariable long id, Model model) {
        SaleView sale = sales.get(id);
        model.addAttribute("sale", sale);
        model.addAttribute("location", locations.of(sale.locationId(), sale.gallery()));
        model.addAttribute("record", access.covers(sale.locationId(), GoodsRoles.RECORD));
        return "workshop/goods/sale";
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
