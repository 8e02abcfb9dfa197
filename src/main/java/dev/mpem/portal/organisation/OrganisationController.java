package dev.mpem.portal.organisation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Words;

@Controller
class OrganisationController {

    private static final String FORM = "organisation/organisation-form";

    private final OrganisationService organisations;
    private final OrganisationConsultants consultants;

    OrganisationController(OrganisationService organisations, OrganisationConsultants consultants) {
        this.consultants = consultants;
        this.organisations = organisations;
    }

    @ModelAttribute("industries")
    Industry[] industries() {
        return Industry.values();
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        model.addAttribute("form", OrganisationForm.empty());
        return FORM;
    }

    @PostMapping("/organisations")
    String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
            HttpServletResponse response, RedirectAttributes redirect) {
        return FormSubmission.of(result, response, () -> FORM).submit(() -> {
            OrganisationView created = organisations.create(form);
            Flash.success(redirect, Words.say("organisation.created", created.name()));
            return "redirect:/organisations/" + created.id();
        });
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrganisationView organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", OrganisationForm.of(organisation));
        model.addAttribute("version", organisation.version());
        return FORM;
    }

    @PostMapping("/organisations/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
            @RequestParam(name = "version", required = false) Long version, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        OrganisationView organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("version", version);
        return FormSubmission.of(result, response, () -> FORM)
                .on(StaleOrganisationException.class, HttpStatus.CONFLICT, e -> {
                    model.addAttribute("stale", e.stored());
                    model.addAttribute("version", e.stored().version());
                })
                .submit(() -> {
                    organisations.update(id, form, version);
                    Flash.success(redirect, Words.say("organisation.saved"));
                    return "redirect:/organisations/" + id;
                });
    }

    /** Who looks after the organisation, as ticked on its page (none ticked: nobody). */
    @PostMapping("/organisations/{id}/consultants")
    String assignConsultants(@PathVariable long id,
            @RequestParam(name = "consultant", required = false) java.util.List<Long> chosen, RedirectAttributes redirect) {
        try {
            consultants.assign(id, chosen);
            Flash.success(redirect, Words.say("organisation.consultants.saved", organisations.get(id).name()));
        }
        catch (dev.mpem.portal.shared.InvalidInputException e) {
            // Only when someone ticked was made an executive or removed meanwhile: the page lists who may be chosen now.
            Flash.error(redirect, e.getMessage());
        }
        return "redirect:/organisations/" + id + "#consultants";
    }
}
