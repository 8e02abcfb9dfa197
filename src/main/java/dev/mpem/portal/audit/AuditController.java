package dev.mpem.portal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The whole audit trail, newest first, for admins. */
@Controller
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String trail(@RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model, java.util.Locale locale) {
        AuditAction filter = null;
        if (action != null && !action.isBlank()) {
            try {
                filter = AuditAction.valueOf(action);
            }
            catch (IllegalArgumentException e) {
                filter = null;
            }
        }
        model.addAttribute("events", audit.page(filter, page, 50, locale));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("action", filter);
        return "admin/audit";
    }
}
