package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.Flash;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A payout run: the working line by line, approval, receipts, corrections and the statements. */
@Controller
class PayoutPageController {

    private final Payouts payouts;
    private final PayoutStatements statements;
    private final Access access;
    private final AuditLog audit;

    PayoutPageController(Payouts payouts, PayoutStatements statements, Access access, AuditLog audit) {
        this.payouts = payouts;
        this.statements = statements;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/workshop/payouts/{id}")
    @PreAuthorize(WorkshopRoles.PAYOUT_READ_EXPRESSION)
    String run(@PathVariable long id, Model model, Ui ui) {
        PayoutRunView run = statements.named(payouts.get(id));
        java.util.Map<String, String> names = statements.productNames(run);
        java.util.Map<Long, List<String>> working = new java.util.HashMap<>();
        for (PayoutLineView line : run.lines()) {
            working.put(
                    line.id(),
                    line.working().stream()
                            .map(step -> statements.text(step, names, ui.locale()))
                            .toList());
        }
        model.addAttribute("working", working);
        model.addAttribute("run", run);
        model.addAttribute("manage", access.covers(run.siteId(), WorkshopRoles.MANAGE));
        model.addAttribute("pay", access.covers(run.siteId(), WorkshopRoles.PAY));
        audit.record(AuditRecord.of(AuditAction.VIEW, "WorkshopPayoutRun", id).unit(run.siteId()));
        return "workshop/payout";
    }

    @PostMapping("/workshop/payouts/{id}/approve")
    @PreAuthorize(WorkshopRoles.PAYOUT_MANAGE_EXPRESSION)
    String approve(@PathVariable long id, @RequestParam("version") int version, Ui ui, RedirectAttributes redirect) {
        try {
            payouts.approve(id, version);
            Flash.success(redirect, ui.t("workshop.payout.approved"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, ui.t("error.staleVersion"));
        }
        return "redirect:/workshop/payouts/" + id;
    }

    @PostMapping("/workshop/payouts/{id}/lines/{lineId}/receipt")
    @PreAuthorize(WorkshopRoles.PAYOUT_PAY_EXPRESSION)
    String receipt(
            @PathVariable long id,
            @PathVariable long lineId,
            @RequestParam(value = "receivedOn", required = false) LocalDate receivedOn,
            @RequestParam(value = "method", required = false) String method,
            @RequestParam(value = "receivedBy", required = false) String receivedBy,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            payouts.receipt(id, lineId, receivedOn, method, receivedBy);
            Flash.success(redirect, ui.t("workshop.payout.receiptRecorded"));
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/payouts/" + id;
    }

    @PostMapping("/workshop/payouts/{id}/lines/{lineId}/adjust")
    @PreAuthorize(WorkshopRoles.PAYOUT_MANAGE_EXPRESSION)
    String adjust(
            @PathVariable long id,
            @PathVariable long lineId,
            @RequestParam(value = "amount", required = false) Long amount,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            payouts.adjust(id, lineId, amount == null ? 0 : amount, reason);
            Flash.success(redirect, ui.t("workshop.payout.adjusted"));
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/payouts/" + id;
    }

    @GetMapping("/workshop/payouts/{id}/lines/{lineId}/statement.pdf")
    @PreAuthorize(WorkshopRoles.PAYOUT_READ_EXPRESSION)
    ResponseEntity<byte[]> statement(
            @PathVariable long id,
            @PathVariable long lineId,
            @RequestParam(value = "lang", required = false) String lang,
            Ui ui) {
        PayoutRunView run = statements.named(payouts.get(id));
        PayoutLineView line = payouts.line(run, lineId);
        Locale locale = lang == null ? ui.locale() : Locale.forLanguageTag("en".equals(lang) ? "en" : "id");
        byte[] pdf = statements.pdf(run, line, locale);
        audit.record(AuditRecord.of(AuditAction.EXPORT, "WorkshopPayoutStatement", lineId)
                .unit(run.siteId())
                .purpose("PAYOUT_STATEMENT"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("statement-" + run.period() + "-" + lineId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    static List<String> methods() {
        return List.of("SIGNATURE", "THUMBPRINT");
    }
}
