package id.peduli.workshop;

import id.peduli.platform.Ui;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The session screen of a site for a mentor's phone, and the endpoint its script sends the kept entries to (signed in
 * with the page's session and CSRF token). The screen carries everything it needs (participants, products) so that
 * the service worker can show it again without a connection.
 */
@Controller
class SessionPageController {

    private final Sites sites;
    private final Products products;
    private final Participants participants;
    private final SessionRecorder recorder;
    private final Clock clock;

    SessionPageController(
            Sites sites, Products products, Participants participants, SessionRecorder recorder, Clock clock) {
        this.sites = sites;
        this.products = products;
        this.participants = participants;
        this.recorder = recorder;
        this.clock = clock;
    }

    @GetMapping("/workshop/sites/{id}/session")
    @PreAuthorize(WorkshopRoles.SITE_RECORD_EXPRESSION)
    String session(@PathVariable long id, Model model) {
        SiteView site = sites.get(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("site", site);
        model.addAttribute("today", today);
        model.addAttribute("participants", participants.during(id, today.minusDays(31), today));
        model.addAttribute(
                "products",
                products.ofCentre(site.centreId()).stream()
                        .filter(ProductView::active)
                        .toList());
        return "workshop/session";
    }

    @PostMapping("/workshop/sessions/batch")
    @PreAuthorize(WorkshopRoles.RECORD_EXPRESSION)
    @ResponseBody
    ResponseEntity<BatchResult> batch(@RequestBody(required = false) Batch batch, Ui ui) {
        List<EntryResult> results = recorder.record(batch == null ? null : batch.entries(), ui.locale());
        return ResponseEntity.ok(new BatchResult(results));
    }

    record Batch(List<SessionEntry> entries) {}

    record BatchResult(List<EntryResult> results) {}
}
