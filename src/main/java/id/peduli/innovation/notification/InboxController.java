package id.peduli.innovation.notification;

import id.peduli.access.Access;
import id.peduli.innovation.InnovationRoles;
import id.peduli.shared.BusinessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The in-app inbox of every participant of the competition. */
@Controller
class InboxController {

    private final Notifications notifications;
    private final Access access;

    InboxController(Notifications notifications, Access access) {
        this.notifications = notifications;
        this.access = access;
    }

    @GetMapping("/innovation/inbox")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String inbox(Model model) {
        model.addAttribute("messages", notifications.inbox(me(), 200));
        model.addAttribute("unread", notifications.unread(me()));
        return "innovation/inbox";
    }

    @PostMapping("/innovation/inbox/{id}/read")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String read(@PathVariable long id) {
        if (!notifications.markRead(me(), id)) {
            throw BusinessException.notFound("innovation.notification.notFound", id);
        }
        return "redirect:/innovation/inbox";
    }

    @PostMapping("/innovation/inbox/read-all")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String readAll() {
        notifications.markAllRead(me());
        return "redirect:/innovation/inbox";
    }

    private long me() {
        return access.currentUser().orElseThrow().userId();
    }
}
